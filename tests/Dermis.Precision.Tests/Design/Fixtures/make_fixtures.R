# Reference values for Dermis.Precision.Design (sample size and power).
# Run from this folder:  Rscript make_fixtures.R   (R 4.x, base 'stats' only)
#
#  * two_proportions.csv: stats::power.prop.test (two-sided, strict = FALSE, tol = 1e-12) continuous n and the
#    power at a given n; the Fleiss (1980) continuity-corrected n, n_cc = n/4 (1 + sqrt(1 + 4/(n |p1 - p0|)))^2,
#    computed here from power.prop.test's n (Fleiss, Levin & Paik 2003, eq. 4.14); and, for allocation
#    ratio r = n1/n0 != 1, the same normal-approximation formula power.prop.test solves, generalised:
#    sqrt(n0) |d| = z_a sqrt(pbar qbar (1 + 1/r)) + z_b sqrt(p0 q0 + p1 q1 / r), pbar = (p0 + r p1)/(1 + r).
#  * t_test.csv: stats::power.t.test (two-sample, two-sided, strict = FALSE, tol = 1e-12) n and power; the ANCOVA
#    n = ceiling(n_t (1 - rho^2)) + 1 per arm (Borm, Fransen & Lemmens 2007, J Clin Epidemiol 60:1234); ANCOVA
#    power at n per arm = noncentral t with sd sqrt(1 - rho^2) and df 2n - 3 (one df for the baseline slope).
#  * stratified.csv: Woolson, Bean & Rojas (1986, Biometrics 42:927) sample size of the CMH test without
#    continuity correction, 1:1 allocation in every stratum (s = 1/2):
#    N = [z_a sqrt(sum t s(1-s) pbar qbar) + z_b sqrt(sum t s(1-s)((1-s) p1 q1 + s p0 q0))]^2 / [sum t s(1-s)(p1-p0)]^2,
#    per-arm n = ceiling(N / 2).
#  * clopper_pearson.csv: stats::binom.test conf.int (exact Clopper-Pearson) for simulated power.
options(digits = 17)
here <- tryCatch(dirname(normalizePath(sys.frame(1)$ofile)), error = function(e) getwd())

rows <- list()
for (cfg in list(c(0.15, 0.48, 0.05, 0.9), c(0.15, 0.45, 0.05, 0.8), c(0.10, 0.38, 0.05, 0.9),
                 c(0.12, 0.41, 0.025, 0.9), c(0.5, 0.6, 0.05, 0.8), c(0.3, 0.2, 0.01, 0.95))) {
  p0 <- cfg[1]; p1 <- cfg[2]; a <- cfg[3]; pw <- cfg[4]
  n <- power.prop.test(p1 = p0, p2 = p1, sig.level = a, power = pw, tol = 1e-12)$n
  ncc <- n / 4 * (1 + sqrt(1 + 4 / (n * abs(p1 - p0))))^2
  for (r in c(1, 2, 0.5)) {
    za <- qnorm(1 - a / 2); zb <- qnorm(pw)
    pbar <- (p0 + r * p1) / (1 + r)
    nr <- ((za * sqrt(pbar * (1 - pbar) * (1 + 1 / r)) + zb * sqrt(p0 * (1 - p0) + p1 * (1 - p1) / r)) / abs(p1 - p0))^2
    rows[[length(rows) + 1]] <- data.frame(control = p0, treated = p1, alpha = a, power = pw, ratio = r,
      n = if (r == 1) n else nr, n_ceiling = ceiling(if (r == 1) n else nr),
      n_cc_ceiling = if (r == 1) ceiling(ncc) else NA,
      power_at_100 = if (r == 1) power.prop.test(n = 100, p1 = p0, p2 = p1, sig.level = a)$power else NA)
  }
}
write.csv(do.call(rbind, rows), file.path(here, "two_proportions.csv"), row.names = FALSE)

ancova_power <- function(n, delta, sd, rho, a) {
  nu <- 2 * n - 3
  pt(qt(a / 2, nu, lower.tail = FALSE), nu, ncp = sqrt(n / 2) * delta / (sd * sqrt(1 - rho^2)), lower.tail = FALSE)
}
rows <- list()
for (cfg in list(c(4, 8, 0.05, 0.9), c(0.5, 1, 0.05, 0.8), c(10, 12, 0.05, 0.9), c(2.5, 9, 0.01, 0.9),
                 c(30, 40, 0.05, 0.85))) {
  d <- cfg[1]; s <- cfg[2]; a <- cfg[3]; pw <- cfg[4]
  n <- power.t.test(delta = d, sd = s, sig.level = a, power = pw, tol = 1e-12)$n
  for (rho in c(0, 0.5, 0.7)) {
    na <- ceiling(n * (1 - rho^2)) + 1
    rows[[length(rows) + 1]] <- data.frame(difference = d, sd = s, alpha = a, power = pw, rho = rho,
      n_t = n, n_t_ceiling = ceiling(n), n_ancova = na,
      t_power_at_40 = power.t.test(n = 40, delta = d, sd = s, sig.level = a)$power,
      ancova_power_at_n = ancova_power(na, d, s, rho, a),
      ancova_power_at_40 = ancova_power(40, d, s, rho, a))
  }
}
write.csv(do.call(rbind, rows), file.path(here, "t_test.csv"), row.names = FALSE)

wbr <- function(t, p0, p1, a, pw) {
  s <- 0.5; pbar <- s * p1 + (1 - s) * p0
  num <- qnorm(1 - a / 2) * sqrt(sum(t * s * (1 - s) * pbar * (1 - pbar))) +
         qnorm(pw) * sqrt(sum(t * s * (1 - s) * ((1 - s) * p1 * (1 - p1) + s * p0 * (1 - p0))))
  (num / sum(t * s * (1 - s) * (p1 - p0)))^2
}
designs <- list(
  one = list(t = 1, p0 = 0.15, p1 = 0.48),
  iga = list(t = c(0.52, 0.48), p0 = c(0.20, 0.10), p1 = c(0.55, 0.40)),
  region_iga = list(t = c(0.3, 0.2, 0.3, 0.2), p0 = c(0.18, 0.10, 0.15, 0.08), p1 = c(0.52, 0.40, 0.50, 0.38)),
  unequal = list(t = c(0.6, 0.3, 0.1), p0 = c(0.3, 0.2, 0.1), p1 = c(0.45, 0.35, 0.3)))
rows <- list()
for (name in names(designs)) for (cfg in list(c(0.05, 0.9), c(0.05, 0.8), c(0.01, 0.9))) {
  g <- designs[[name]]
  N <- wbr(g$t, g$p0, g$p1, cfg[1], cfg[2])
  rows[[length(rows) + 1]] <- data.frame(design = name, fractions = paste(g$t, collapse = " "),
    control = paste(g$p0, collapse = " "), treated = paste(g$p1, collapse = " "),
    alpha = cfg[1], power = cfg[2], total = N, per_arm = ceiling(N / 2))
}
write.csv(do.call(rbind, rows), file.path(here, "stratified.csv"), row.names = FALSE)

rows <- list()
for (cfg in list(c(0, 200), c(1, 200), c(173, 200), c(200, 200), c(812, 1000), c(4500, 5000))) {
  ci <- binom.test(cfg[1], cfg[2])$conf.int
  rows[[length(rows) + 1]] <- data.frame(rejected = cfg[1], runs = cfg[2], lower = ci[1], upper = ci[2])
}
write.csv(do.call(rbind, rows), file.path(here, "clopper_pearson.csv"), row.names = FALSE)
cat("wrote two_proportions.csv, t_test.csv, stratified.csv, clopper_pearson.csv\n")
