# Reference values for PenalisedLogisticRegression (Dermis.Precision.Prediction).
# Run from this folder: Rscript logistic_reference.R   (R 4.x, base stats only)
# Writes logistic_data.csv (the data set) and logistic_reference.csv (expected values).
#
# Objective (glmnet scaling), on features standardised with the 1/n standard deviation,
# intercept unpenalised:
#   f(b0, theta) = -loglik/n + lambda * [ (1 - alpha)/2 * ||theta||^2 + alpha * ||theta||_1 ]
# Missing values: mean imputation (mean of the observed values) plus a 0/1 indicator column
# for every feature that has at least one missing value; the indicator is part of the design.
set.seed(20240611)
n <- 120
week16 <- rbinom(n, 1, 0.45)
easi <- round(rnorm(n, 22, 7), 1)
il13 <- round(rnorm(n, 1.5, 0.8), 3)
il13[sample.int(n, 25)] <- NA           # sweat cytokine only measured in a subset
eta <- -0.8 + 1.6 * week16 - 0.05 * (easi - 22) + 0.6 * ifelse(is.na(il13), 1.5, il13) - 0.9
y <- rbinom(n, 1, plogis(eta))
d <- data.frame(subject = sprintf("S%03d", 1:n), week16 = week16, easi = easi, il13 = il13, y = y)
write.csv(d, "logistic_data.csv", row.names = FALSE, na = "")

# Design exactly as the C# model builds it.
il13_missing <- as.numeric(is.na(il13))
il13_imp <- ifelse(is.na(il13), mean(il13, na.rm = TRUE), il13)
X <- cbind(week16 = week16, easi = easi, il13 = il13_imp, il13_missing = il13_missing)

out <- data.frame(case = character(), term = character(), value = numeric())
add <- function(case, term, value) out[nrow(out) + 1, ] <<- list(case, term, value)

# 1. Lambda = 0: ordinary maximum likelihood.
g <- glm(y ~ week16 + easi + il13_imp + il13_missing, family = binomial,
         control = glm.control(epsilon = 1e-14, maxit = 100))
cf <- coef(g)
add("glm", "(Intercept)", cf[1]); add("glm", "week16", cf[2]); add("glm", "easi", cf[3])
add("glm", "il13", cf[4]); add("glm", "il13_missing", cf[5])

# 2. Penalised fits by optim(BFGS) on the standardised objective above (alpha = 0: smooth).
m <- colMeans(X); s <- sqrt(colMeans(sweep(X, 2, m)^2))
Z <- sweep(sweep(X, 2, m), 2, s, "/")
ridge <- function(lambda, alpha = 0) {
  f <- function(p) {
    eta <- p[1] + Z %*% p[-1]
    -mean(y * eta - log1p(exp(eta))) + lambda * ((1 - alpha) / 2 * sum(p[-1]^2))
  }
  gr <- function(p) {
    eta <- p[1] + Z %*% p[-1]; r <- y - plogis(eta)
    c(-mean(r), -colMeans(Z * as.vector(r)) + lambda * (1 - alpha) * p[-1])
  }
  o <- optim(rep(0, ncol(Z) + 1), f, gr, method = "BFGS",
             control = list(reltol = 1e-16, maxit = 10000))
  stopifnot(o$convergence == 0)
  theta <- o$par[-1]; beta <- theta / s
  c(o$par[1] - sum(beta * m), beta, theta, o$value)
}
for (lam in c(0.05, 0.2)) {
  r <- ridge(lam)
  case <- sprintf("ridge_%g", lam)
  add(case, "(Intercept)", r[1]); add(case, "week16", r[2]); add(case, "easi", r[3])
  add(case, "il13", r[4]); add(case, "il13_missing", r[5])
  add(case, "std_week16", r[6]); add(case, "std_easi", r[7]); add(case, "std_il13", r[8])
  add(case, "std_il13_missing", r[9]); add(case, "objective", r[10])
}
write.csv(out, "logistic_reference.csv", row.names = FALSE)
print(out, digits = 12)
