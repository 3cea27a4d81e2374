# Reference fits for Dermis.Precision.Continuous on trial.csv (R 4.2.2, nlme 3.1-162, stats).
# MMRM as nlme::gls by REML with unstructured (corSymm + varIdent), compound-symmetry and AR(1) residual covariance;
# ANCOVA at W16 as stats::lm. LS means and arm contrasts are computed by hand from coef/vcov with the emmeans rule
# (baseline at its mean over the analysed subjects, stratum levels weighted equally), df = N - p.
# Usage: Rscript fit_reference.R [trial.csv] [reference.csv]
suppressPackageStartupMessages(library(nlme))
args <- commandArgs(trailingOnly = TRUE)
input <- if (length(args) >= 1) args[1] else "trial.csv"
out <- if (length(args) >= 2) args[2] else "reference.csv"
visits <- c("W02", "W04", "W08", "W16")
arms <- c("Placebo", "High", "Low")          # reference first, then ordinal order (as Dermis codes them)
d <- read.csv(input, stringsAsFactors = FALSE)
d$visitIndex <- match(d$visit, visits)
d <- d[!is.na(d$response), ]
d <- d[order(d$subject, d$visitIndex), ]
d$arm <- factor(d$arm, levels = arms)
d$visit <- factor(d$visit, levels = visits)
d$region <- factor(d$region, levels = sort(unique(d$region)))
d$severity <- factor(d$severity, levels = sort(unique(d$severity)))
d$subject <- factor(d$subject)
form <- response ~ baseline + arm + visit + arm:visit + baseline:visit + region + severity
# nlme's optimiser stops at a relative change of 1e-10 in the log-likelihood, where the unstructured Σ is still ~5e-6
# (relative) from the REML optimum: the surface is that flat. Each fit is therefore polished by maximising nlme's own
# REML log-likelihood (gls with the covariance parameters fixed, σ² profiled) with nlminb at rel.tol 1e-15 from the
# gls estimate, then three Newton steps on central-difference derivatives of the same function (nlminb alone stops
# ~2e-11 short in log-likelihood, still ~2e-6 in Σ), and the reference values are those of gls at those parameters.
ctrl <- glsControl(maxIter = 2000, msMaxIter = 2000, tolerance = 1e-12, msTol = 1e-13)
polish <- function(start, lower, upper, build) {
  objective <- function(par) -as.numeric(logLik(build(par)))
  o <- nlminb(start, objective, lower = lower, upper = upper, control = list(rel.tol = 1e-15, x.tol = 1e-13, iter.max = 1000, eval.max = 5000))
  gradient <- function(x, h = 1e-5) sapply(seq_along(x), function(i) {
    e <- replace(0 * x, i, h); (objective(x + e) - objective(x - e)) / (2 * h) })
  x <- o$par
  hessian <- sapply(seq_along(x), function(i) { e <- replace(0 * x, i, 1e-4); (gradient(x + e) - gradient(x - e)) / 2e-4 })
  hessian <- (hessian + t(hessian)) / 2
  for (step in 1:3) x <- x - solve(hessian, gradient(x))
  cat(sprintf("polished: -logLik %.12f -> nlminb %.12f (%d iterations) -> Newton %.12f\n", objective(start), o$objective, o$iterations, objective(x)))
  build(x)
}
un <- gls(form, data = d, method = "REML", control = ctrl,
          correlation = corSymm(form = ~ visitIndex | subject), weights = varIdent(form = ~ 1 | visit))
un_cor <- coef(un$modelStruct$corStruct, unconstrained = FALSE)
un_var <- coef(un$modelStruct$varStruct, unconstrained = FALSE)
nc <- length(un_cor); nv <- length(un_var)
cs <- gls(form, data = d, method = "REML", control = ctrl, correlation = corCompSymm(form = ~ visitIndex | subject))
ar <- gls(form, data = d, method = "REML", control = ctrl, correlation = corAR1(form = ~ visitIndex | subject))
fits <- list(
  Unstructured = polish(c(un_cor, un_var), c(rep(-0.999, nc), rep(1e-3, nv)), c(rep(0.999, nc), rep(1e3, nv)), function(par)
    gls(form, data = d, method = "REML", correlation = corSymm(par[1:nc], form = ~ visitIndex | subject, fixed = TRUE),
        weights = varIdent(form = ~ 1 | visit, fixed = setNames(par[nc + 1:nv], names(un_var))))),
  CompoundSymmetry = polish(coef(cs$modelStruct$corStruct, unconstrained = FALSE), -0.3, 0.999, function(par)
    gls(form, data = d, method = "REML", correlation = corCompSymm(par, form = ~ visitIndex | subject, fixed = TRUE))),
  Ar1 = polish(coef(ar$modelStruct$corStruct, unconstrained = FALSE), -0.999, 0.999, function(par)
    gls(form, data = d, method = "REML", correlation = corAR1(par, form = ~ visitIndex | subject, fixed = TRUE))))

subjects <- d[!duplicated(d$subject), ]
base_mean <- mean(subjects$baseline)
rows <- list()
add <- function(...) rows[[length(rows) + 1]] <<- data.frame(..., stringsAsFactors = FALSE)
level <- 0.95

lincomb <- function(b, V, dfres, L) {
  est <- sum(L * b); se <- sqrt(drop(t(L) %*% V %*% L)); tq <- qt((1 + level) / 2, dfres)
  c(est = est, se = se, t = est / se, p = 2 * pt(-abs(est / se), dfres), lower = est - tq * se, upper = est + tq * se)
}
grid_vector <- function(names, arm, visit, base) {
  L <- setNames(numeric(length(names)), names)
  L["(Intercept)"] <- 1
  L["baseline"] <- base
  for (lv in levels(d$region)[-1]) L[paste0("region", lv)] <- 1 / nlevels(d$region)
  for (lv in levels(d$severity)[-1]) L[paste0("severity", lv)] <- 1 / nlevels(d$severity)
  if (arm != arms[1]) L[paste0("arm", arm)] <- 1
  if (visit != visits[1]) {
    L[paste0("visit", visit)] <- 1
    L[paste0("baseline:visit", visit)] <- base
    if (arm != arms[1]) L[paste0("arm", arm, ":visit", visit)] <- 1
  }
  L[names]   # the ANCOVA has no visit terms: drop them
}
emit_grid <- function(model, b, V, dfres, vis) {
  for (a in arms) for (v in vis) {
    r <- lincomb(b, V, dfres, grid_vector(names(b), a, v, base_mean))
    add(model = model, kind = "lsmean", term = "", arm = a, visit = v, estimate = r[["est"]], se = r[["se"]], df = dfres,
        t = r[["t"]], p = r[["p"]], lower = r[["lower"]], upper = r[["upper"]])
  }
  for (a in arms[-1]) for (v in vis) {
    L <- grid_vector(names(b), a, v, base_mean) - grid_vector(names(b), arms[1], v, base_mean)
    r <- lincomb(b, V, dfres, L)
    add(model = model, kind = "contrast", term = "", arm = a, visit = v, estimate = r[["est"]], se = r[["se"]], df = dfres,
        t = r[["t"]], p = r[["p"]], lower = r[["lower"]], upper = r[["upper"]])
  }
}

complete <- names(which(table(d$subject) == length(visits)))[1]
for (model in names(fits)) {
  fit <- fits[[model]]
  b <- coef(fit); V <- vcov(fit); dfres <- fit$dims$N - fit$dims$p
  stopifnot(dfres == nrow(d) - length(b))
  tt <- summary(fit)$tTable
  for (term in names(b)) add(model = model, kind = "fixef", term = term, arm = "", visit = "", estimate = tt[term, 1],
                             se = tt[term, 2], df = dfres, t = tt[term, 3], p = tt[term, 4], lower = NA, upper = NA)
  emit_grid(model, b, V, dfres, visits)
  S <- unclass(getVarCov(fit, individual = complete))
  for (i in seq_along(visits)) for (j in seq_along(visits))
    add(model = model, kind = "cov", term = paste0(i - 1, ";", j - 1), arm = "", visit = "", estimate = S[i, j],
        se = NA, df = NA, t = NA, p = NA, lower = NA, upper = NA)
  add(model = model, kind = "loglik", term = "REML", arm = "", visit = "", estimate = as.numeric(logLik(fit)),
      se = NA, df = NA, t = NA, p = NA, lower = NA, upper = NA)
  add(model = model, kind = "count", term = "N", arm = "", visit = "", estimate = fit$dims$N,
      se = NA, df = NA, t = NA, p = NA, lower = NA, upper = NA)
}

# ANCOVA at the last visit
a <- d[d$visit == "W16", ]
lfit <- lm(response ~ baseline + arm + region + severity, data = a)
b <- coef(lfit); V <- vcov(lfit); dfres <- lfit$df.residual
st <- summary(lfit)$coefficients
for (term in names(b)) add(model = "Ancova", kind = "fixef", term = term, arm = "", visit = "", estimate = st[term, 1],
                           se = st[term, 2], df = dfres, t = st[term, 3], p = st[term, 4], lower = NA, upper = NA)
base_mean <- mean(a$baseline)
emit_grid("Ancova", b, V, dfres, "W16")
add(model = "Ancova", kind = "sigma", term = "", arm = "", visit = "", estimate = summary(lfit)$sigma,
    se = NA, df = dfres, t = NA, p = NA, lower = NA, upper = NA)
res <- do.call(rbind, rows)
write.csv(res, out, row.names = FALSE, na = "", quote = TRUE)
cat("wrote", out, nrow(res), "rows; complete subject for getVarCov:", complete, "\n")
for (model in names(fits)) cat(model, "logLik", format(as.numeric(logLik(fits[[model]])), digits = 15), "\n")
