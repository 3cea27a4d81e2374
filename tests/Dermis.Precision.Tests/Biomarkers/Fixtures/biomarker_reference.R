# Reference values for BiomarkerAssociations (Dermis.Precision.Biomarkers).
# Run from this folder: Rscript biomarker_reference.R   (R 4.x with stats and nlme)
# Writes biomarker_data.csv and biomarker_reference.csv.
library(nlme)
set.seed(52)
subjects <- 14
rows <- list()
for (i in 1:subjects) {
  k <- sample(3:7, 1)                         # unbalanced: 3 to 7 visits per participant
  time <- sort(sample(c(0, 14, 28, 56, 84, 112, 168), k))
  u <- rnorm(1, 0, 3)                         # participant level (random intercept)
  b <- rnorm(k, 5 + 0.4 * u, 1.5)             # nightly scratch minutes (biomarker)
  y <- 12 + u + 0.8 * b - 0.02 * time + rnorm(k, 0, 1.2)
  rows[[i]] <- data.frame(subject = sprintf("P%02d", i), time = time,
                          biomarker = round(b, 4), outcome = round(y, 4))
}
d <- do.call(rbind, rows)
write.csv(d, "biomarker_data.csv", row.names = FALSE)

out <- data.frame(term = character(), value = numeric())
add <- function(term, value) out[nrow(out) + 1, ] <<- list(term, value)
add("subjects", length(unique(d$subject))); add("observations", nrow(d))

# Pooled Pearson (observations treated as independent) with the Fisher-z interval.
pt <- cor.test(d$biomarker, d$outcome, method = "pearson")
add("pearson", pt$estimate); add("pearson_lower", pt$conf.int[1]); add("pearson_upper", pt$conf.int[2])
# Spearman, p by the t approximation (exact = FALSE).
st <- cor.test(d$biomarker, d$outcome, method = "spearman", exact = FALSE)
add("spearman", st$estimate); add("spearman_p", st$p.value)

# Repeated-measures correlation (Bakdash & Marusich 2017) from the ANCOVA, as rmcorr does:
# sign(slope) * sqrt(SS_biomarker / (SS_biomarker + SS_residual)), Type III SS via drop1,
# CI psych::r.con(r, errordf): Fisher z with se = 1 / sqrt(errordf - 3).
fit <- lm(outcome ~ factor(subject) + biomarker, data = d)
dr <- drop1(fit, ~ ., test = "F")
ssb <- dr$"Sum of Sq"[3]; ssr <- dr$RSS[1]
r <- sign(coef(fit)["biomarker"]) * sqrt(ssb / (ssb + ssr))
errordf <- fit$df.residual
z <- atanh(r); se <- 1 / sqrt(errordf - 3)
add("rmcorr", r); add("rmcorr_lower", tanh(z - qnorm(0.975) * se)); add("rmcorr_upper", tanh(z + qnorm(0.975) * se))
add("rmcorr_p", dr$"Pr(>F)"[3]); add("rmcorr_df", errordf)

# Random-intercept model, REML, containment df.
m <- lme(outcome ~ biomarker + time, random = ~ 1 | subject, data = d, method = "REML",
         control = lmeControl(tolerance = 1e-12, msTol = 1e-12, niterEM = 100, msMaxIter = 500))
tt <- summary(m)$tTable
add("lme_intercept", tt["(Intercept)", "Value"])
add("lme_slope", tt["biomarker", "Value"]); add("lme_slope_se", tt["biomarker", "Std.Error"])
add("lme_slope_df", tt["biomarker", "DF"]); add("lme_slope_p", tt["biomarker", "p-value"])
add("lme_time", tt["time", "Value"]); add("lme_time_se", tt["time", "Std.Error"])
add("lme_sigma", m$sigma); add("lme_tau", sqrt(as.numeric(getVarCov(m)[1, 1])))
add("lme_reml_loglik", as.numeric(logLik(m)))
write.csv(out, "biomarker_reference.csv", row.names = FALSE)
print(out, digits = 12)
