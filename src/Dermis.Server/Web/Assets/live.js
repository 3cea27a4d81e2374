// Live score and checks on an eCRF page. The page works without this script (the "Check" button
// asks the server); with it, the server is asked after each change and the regions marked
// data-live are replaced by its answer. All rules run on the server, in C#.
(() => {
  const form = document.querySelector("form[data-live-form]");
  if (!form) return;
  let timer = 0, sent = 0;
  const refresh = async () => {
    const body = new FormData(form);
    body.set("intent", "preview");
    const ticket = ++sent;
    const response = await fetch(location.pathname, { method: "POST", body, credentials: "same-origin" });
    if (ticket !== sent || !response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const fresh of page.querySelectorAll("[data-live][id]")) {
      const current = document.getElementById(fresh.id);
      if (current) current.innerHTML = fresh.innerHTML;
    }
  };
  const schedule = () => { clearTimeout(timer); timer = setTimeout(refresh, 250); };
  form.addEventListener("change", schedule);
  form.addEventListener("input", schedule);
})();
