// Participant app: keep a diary entry made without network on the phone and send it when the
// network returns. Each entry gets its id and its device time when it is made, so a resend is the
// same entry (the server stores it once) and its window is judged by when it was made, not sent.
(() => {
  const key = "dermis.queue";
  const status = document.getElementById("offline-status");
  const load = () => JSON.parse(localStorage.getItem(key) || "[]");
  const save = (queue) => localStorage.setItem(key, JSON.stringify(queue));
  const show = (text) => { if (status) { status.hidden = !text; status.textContent = text || ""; } };
  const pad = (n) => String(n).padStart(2, "0");
  const deviceTime = (d) => {
    const offset = -d.getTimezoneOffset(), sign = offset >= 0 ? "+" : "-", abs = Math.abs(offset);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  };
  const newId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);

  const send = async (entry) => {
    const body = new URLSearchParams(entry.fields);
    const response = await fetch(entry.url, { method: "POST", body, credentials: "same-origin", redirect: "manual" });
    // Anything the server answered (stored, already stored, or refused with a reason) ends the retry;
    // a gateway's 502–504 means the server never saw it, so it stays queued.
    return response.type === "opaqueredirect" || (response.status > 0 && (response.status < 502 || response.status > 504));
  };
  const waiting = (n) => `${n} ${n === 1 ? "entry is" : "entries are"} waiting for the network; saved on this phone.`;

  const flush = async () => {
    const queue = load();
    if (queue.length === 0 || !navigator.onLine) { if (queue.length) show(waiting(queue.length)); return; }
    const remaining = [];
    for (const entry of queue) {
      try { if (!(await send(entry))) remaining.push(entry); } catch { remaining.push(entry); }
    }
    save(remaining);
    show(remaining.length ? waiting(remaining.length) : queue.length === 1 ? "Your saved entry was sent." : "Your saved entries were sent.");
    if (queue.length && !remaining.length && document.body.dataset.reloadAfterSend !== "no") setTimeout(() => location.reload(), 600);
  };

  const form = document.querySelector("form[data-diary]");
  if (form) {
    form.addEventListener("submit", async (event) => {
      form.elements.clientEntryId.value = form.elements.clientEntryId.value || newId();
      form.elements.deviceTime.value = deviceTime(new Date());
      if (navigator.onLine) return; // a normal post
      event.preventDefault();
      const fields = Object.fromEntries(new FormData(form).entries());
      const queue = load();
      queue.push({ url: form.getAttribute("action") || location.pathname, fields });
      save(queue);
      show("No network: your entry was saved on this phone with the time you made it, and will be sent when you are online.");
      form.querySelector("button[type=submit]").disabled = true;
    });
  }

  window.addEventListener("online", flush);
  flush();
})();
