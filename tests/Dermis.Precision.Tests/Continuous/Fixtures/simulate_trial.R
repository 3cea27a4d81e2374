# Simulated three-arm dermatology trial (change from baseline in EASI) for the MMRM/ANCOVA fixtures.
# Fixed seed; writes trial.csv (one row per subject-visit, response NA = missing at a scheduled visit).
# Usage: Rscript simulate_trial.R [out.csv]
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "trial.csv"
set.seed(20240611)
n <- 150
visits <- c("W02", "W04", "W08", "W16")
arms <- c("Placebo", "Low", "High")
sds <- c(4, 5, 6, 7)
corr <- matrix(c(1, .6, .45, .3,
                 .6, 1, .65, .5,
                 .45, .65, 1, .7,
                 .3, .5, .7, 1), 4)
sigma <- diag(sds) %*% corr %*% diag(sds)
chol_sigma <- chol(sigma)
arm <- rep(arms, length.out = n)[sample(n)]
region <- sample(c("Asia", "Europe", "US"), n, replace = TRUE, prob = c(.25, .45, .3))
severity <- sample(c("IGA3", "IGA4"), n, replace = TRUE, prob = c(.6, .4))
baseline <- round(rnorm(n, 30, 8), 1)
effect <- rbind(Placebo = c(-2, -3, -4, -4.5), Low = c(-4, -6, -9, -10), High = c(-5, -8, -12, -14))
region_effect <- c(Asia = 0, Europe = 1.5, US = -1)
severity_effect <- c(IGA3 = 0, IGA4 = -2)
rows <- list()
for (i in seq_len(n)) {
  mu <- effect[arm[i], ] - 0.25 * (baseline[i] - 30) * c(.4, .7, .9, 1) + region_effect[region[i]] + severity_effect[severity[i]]
  y <- mu + as.vector(rnorm(4) %*% chol_sigma)
  # monotone dropout: 15 % leave after visit 1, 2 or 3; then 6 % intermittent misses
  if (runif(1) < .15) y[(sample(1:3, 1) + 1):4] <- NA
  y[runif(4) < .06] <- NA
  if (i == 7) y[] <- NA   # a randomised subject with no post-baseline response: excluded from the analysis
  rows[[i]] <- data.frame(subject = sprintf("S%03d", i), arm = arm[i], visit = visits, baseline = baseline[i],
                          response = round(y, 3), region = region[i], severity = severity[i])
}
d <- do.call(rbind, rows)
write.csv(d, out, row.names = FALSE, na = "NA", quote = FALSE)
cat("wrote", out, nrow(d), "rows,", sum(is.na(d$response)), "missing\n")
