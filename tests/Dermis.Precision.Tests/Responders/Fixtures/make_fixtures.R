# Reference values for Dermis.Precision.Responders (CMH, Breslow-Day, Miettinen-Nurminen).
# Run from this folder:  Rscript make_fixtures.R   (R 4.x, base 'stats' only)
# Writes cmh.csv, mn_unstratified.csv and mn_stratified.csv next to this script.
#
# Sources of truth:
#  * stats::mantelhaen.test (exact = FALSE) for the CMH statistic, p, MH odds ratio and its
#    Robins-Breslow-Greenland CI, with correct = TRUE and FALSE.
#  * Breslow-Day with Tarone's correction: base R has no implementation, so breslow_day() below
#    is written here from Breslow & Day (1980, sec. 4.4) and Tarone (1985, Biometrika 72:91)
#    (expected cell from the quadratic given the MH odds ratio). It is independent of the C# code
#    only in the sense that it is a second implementation; it is NOT a third-party package.
#  * Miettinen-Nurminen: R has no package installed here, so mn_* below implement the MN (1985)
#    score interval: restricted MLE from the closed-form cubic (Farrington & Manning 1990, eq. 5;
#    MN 1985 appendix), variance with the N/(N-1) factor, limits by uniroot on z(delta)^2 = chi2.
#    The unstratified code is checked here against Newcombe (1998, Stat Med 17:873, Table II,
#    method 6 = Miettinen-Nurminen) to 4 decimals before anything is written.
# Each stratum is written as "rt tt rc tc" (responders treated, total treated, responders control,
# total control); strata are separated by "|". The 2x2 table is rows = (treated, control),
# columns = (responder, non-responder), as the C# CochranMantelHaenszel expects.

options(digits = 17)
here <- tryCatch(dirname(normalizePath(sys.frame(1)$ofile)), error = function(e) getwd())

parse_strata <- function(s) {
  parts <- strsplit(strsplit(s, "\\|")[[1]], " ")
  t(sapply(parts, as.numeric))
}
as_table <- function(m) {
  k <- nrow(m)
  x <- array(0, dim = c(2, 2, k))
  for (i in seq_len(k)) {
    rt <- m[i, 1]; tt <- m[i, 2]; rc <- m[i, 3]; tc <- m[i, 4]
    x[, , i] <- matrix(c(rt, rc, tt - rt, tc - rc), 2, 2)
  }
  x
}

breslow_day <- function(x, or) {
  informative <- apply(x, 3, function(t) all(rowSums(t) > 0) && all(colSums(t) > 0))
  x <- x[, , informative, drop = FALSE]
  k <- dim(x)[3]
  if (k < 2) return(c(NaN, NaN, 0))
  stat <- 0; sum_a <- 0; sum_e <- 0; sum_v <- 0
  for (j in seq_len(k)) {
    m1 <- sum(x[1, , j]); m2 <- sum(x[2, , j]); c1 <- sum(x[, 1, j])
    # E[a] solves e (m2 - c1 + e) = or (m1 - e)(c1 - e); root inside the admissible range.
    lo <- max(0, c1 - m2); hi <- min(m1, c1)
    f <- function(e) e * (m2 - c1 + e) - or * (m1 - e) * (c1 - e)
    e <- if (lo == hi) lo else uniroot(f, c(lo, hi), tol = 1e-14)$root
    v <- 1 / (1 / e + 1 / (m1 - e) + 1 / (c1 - e) + 1 / (m2 - c1 + e))
    stat <- stat + (x[1, 1, j] - e)^2 / v
    sum_a <- sum_a + x[1, 1, j]; sum_e <- sum_e + e; sum_v <- sum_v + v
  }
  stat <- stat - (sum_a - sum_e)^2 / sum_v   # Tarone (1985)
  c(stat, pchisq(stat, k - 1, lower.tail = FALSE), k - 1)
}

cmh_sets <- list(
  # Mantel (1963) penicillin/rabbits, the ?mantelhaen.test example; strata 1 and 5 have a zero
  # column margin (no / all responders).
  rabbits = "0 6 0 5|3 6 0 6|6 6 2 6|5 6 6 6|2 2 5 5",
  # UCBAdmissions (Bickel et al. 1975): rows Male/Female as "treated"/"control", Admitted = responder.
  ucb = paste(apply(UCBAdmissions, 3, function(t) {
    paste(t["Admitted", "Male"], sum(t[, "Male"]), t["Admitted", "Female"], sum(t[, "Female"]))
  }), collapse = "|"),
  # Dermatology-shaped: region x baseline IGA, unequal stratum sizes.
  derm_unequal = "31 62 9 60|12 21 4 23|48 110 17 104|5 8 1 9",
  # Heterogeneous odds ratios (Breslow-Day should reject).
  heterogeneous = "40 50 10 50|20 50 22 50|35 60 15 55",
  # Two small strata.
  small = "3 5 1 6|4 7 2 6"
)

cmh_rows <- list()
for (name in names(cmh_sets)) {
  x <- as_table(parse_strata(cmh_sets[[name]]))
  for (correct in c(TRUE, FALSE)) {
    r <- mantelhaen.test(x, correct = correct, exact = FALSE)
    bd <- breslow_day(x, unname(r$estimate))
    cmh_rows[[length(cmh_rows) + 1]] <- data.frame(
      dataset = name, strata = cmh_sets[[name]], correct = correct,
      statistic = unname(r$statistic), df = unname(r$parameter), p = r$p.value,
      odds_ratio = unname(r$estimate), or_lower = r$conf.int[1], or_upper = r$conf.int[2],
      breslow_day = bd[1], breslow_day_p = bd[2], breslow_day_df = bd[3])
  }
}
write.csv(do.call(rbind, cmh_rows), file.path(here, "cmh.csv"), row.names = FALSE, quote = TRUE)

# ---- Miettinen-Nurminen -------------------------------------------------------------------------
restricted <- function(x1, n1, x2, n2, delta) {
  p1 <- x1 / n1; p2 <- x2 / n2; theta <- n2 / n1
  a <- 1 + theta
  b <- -(1 + theta + p1 + theta * p2 + delta * (theta + 2))
  c <- delta^2 + delta * (2 * p1 + theta + 1) + p1 + theta * p2
  d <- -p1 * delta * (1 + delta)
  v <- b^3 / (3 * a)^3 - b * c / (6 * a^2) + d / (2 * a)
  u <- (if (v >= 0) 1 else -1) * sqrt(max(0, b^2 / (3 * a)^2 - c / (3 * a)))
  pt1 <- if (u == 0) -b / (3 * a) else {
    w <- (pi + acos(max(-1, min(1, v / u^3)))) / 3
    2 * u * cos(w) - b / (3 * a)
  }
  pt1 <- min(max(pt1, max(0, delta)), min(1, 1 + delta))
  c(pt1, pt1 - delta)
}
mn_var <- function(x1, n1, x2, n2, delta) {
  p <- restricted(x1, n1, x2, n2, delta)
  (p[1] * (1 - p[1]) / n1 + p[2] * (1 - p[2]) / n2) * (n1 + n2) / (n1 + n2 - 1)
}
# Score statistic for a common difference delta with weights w(delta) (already normalised).
score_z <- function(m, delta, weighting) {
  v <- apply(m, 1, function(r) mn_var(r[1], r[2], r[3], r[4], delta))
  d <- m[, 1] / m[, 2] - m[, 3] / m[, 4]
  n1 <- m[, 2]; n0 <- m[, 4]
  w <- switch(weighting,
    cmh = n1 * n0 / (n1 + n0),
    ss = n1 + n0,
    equal = rep(1, nrow(m)),
    mn = 1 / pmax(v, 1e-12))
  w <- w / sum(w)
  num <- sum(w * (d - delta)); den <- sqrt(sum(w^2 * v))
  if (num == 0 && den == 0) 0 else num / den
}
mn_interval <- function(m, weighting, level) {
  zc <- qnorm(1 - (1 - level) / 2)
  f <- function(delta) score_z(m, delta, weighting)
  eps <- 1e-10
  est <- if (weighting == "mn") {
    # MN weights depend on delta: the estimate is the root of z(delta) = 0 (the fixed point of
    # delta = sum w(delta) d_k that MN 1985 reach by iteration).
    uniroot(f, c(-1 + eps, 1 - eps), tol = 1e-14)$root
  } else {
    n1 <- m[, 2]; n0 <- m[, 4]
    w <- switch(weighting, cmh = n1 * n0 / (n1 + n0), ss = n1 + n0, equal = rep(1, nrow(m)))
    sum(w / sum(w) * (m[, 1] / m[, 2] - m[, 3] / m[, 4]))
  }
  lower <- if (est <= -1 + eps || f(-1 + eps) <= zc) -1 else
    uniroot(function(t) f(t) - zc, c(-1 + eps, est), tol = 1e-14)$root
  upper <- if (est >= 1 - eps || f(1 - eps) >= -zc) 1 else
    uniroot(function(t) f(t) + zc, c(est, 1 - eps), tol = 1e-14)$root
  z0 <- f(0)
  c(est, lower, upper, 2 * pnorm(-abs(z0)))
}

# Newcombe (1998) Table II, method 6 (Miettinen-Nurminen), 95 %, 4 decimals.
newcombe <- rbind(
  c(56, 70, 48, 80, 0.0528, 0.3382), c(9, 10, 3, 10, 0.1700, 0.8406),
  c(6, 7, 2, 7, 0.0342, 0.8534), c(5, 56, 0, 29, -0.0326, 0.1933),
  c(0, 10, 0, 20, -0.1658, 0.2844), c(0, 10, 0, 10, -0.2879, 0.2879),
  c(10, 10, 0, 20, 0.7156, 1.0000), c(10, 10, 0, 10, 0.6636, 1.0000))
for (i in seq_len(nrow(newcombe))) {
  r <- newcombe[i, ]
  ci <- mn_interval(matrix(r[1:4], 1), "cmh", 0.95)
  if (any(abs(round(ci[2:3], 4) - r[5:6]) > 1e-4 + 1e-12))
    stop(sprintf("MN check failed for %s: got %.4f %.4f", paste(r[1:4], collapse = " "), ci[2], ci[3]))
}

unstrat <- c("56 70 48 80", "9 10 3 10", "6 7 2 7", "5 56 0 29", "0 10 0 20", "0 10 0 10",
             "10 10 0 20", "10 10 0 10", "60 120 18 120", "14 40 30 40", "1 50 0 50", "117 240 36 240")
mn_rows <- list()
for (s in unstrat) for (level in c(0.95, 0.90)) {
  ci <- mn_interval(parse_strata(s), "cmh", level)
  mn_rows[[length(mn_rows) + 1]] <- data.frame(counts = s, level = level,
    estimate = ci[1], lower = ci[2], upper = ci[3], p = ci[4])
}
write.csv(do.call(rbind, mn_rows), file.path(here, "mn_unstratified.csv"), row.names = FALSE)

strat_sets <- c(cmh_sets[c("derm_unequal", "heterogeneous", "small")],
  metalite = "5 25 2 21|4 25 3 29|6 24 5 27|5 26 6 23",
  sparse = "10 30 2 28|0 12 0 10|7 9 3 11")
st_rows <- list()
for (name in names(strat_sets)) for (weighting in c("cmh", "ss", "equal", "mn")) {
  ci <- mn_interval(parse_strata(strat_sets[[name]]), weighting, 0.95)
  st_rows[[length(st_rows) + 1]] <- data.frame(dataset = name, strata = strat_sets[[name]],
    weighting = weighting, estimate = ci[1], lower = ci[2], upper = ci[3], p = ci[4])
}
write.csv(do.call(rbind, st_rows), file.path(here, "mn_stratified.csv"), row.names = FALSE)
cat("wrote cmh.csv, mn_unstratified.csv, mn_stratified.csv\n")
