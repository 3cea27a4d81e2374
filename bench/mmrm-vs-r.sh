#!/usr/bin/env bash
# MMRM (unstructured covariance, REML) for 1,000 participants x 8 visits, 2 arms, 1 stratum, ~10 % missing:
# Dermis (BenchmarkDotNet, bench/Dermis.Bench/MmrmBenchmarks.cs, fit + Kenward-Roger + LS means) against
# R nlme::gls(corSymm + varIdent, REML) on the same rows, which the C# benchmark writes to CSV.
# Usage: bench/mmrm-vs-r.sh        WORK=/path (default /tmp/dermis-mmrm-bench)   SKIP_R=1   time Dermis only
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${WORK:-/tmp/dermis-mmrm-bench}"
mkdir -p "$work"
csv="$work/mmrm-1000x8.csv"

echo "== Dermis (BenchmarkDotNet)" >&2
(cd "$root" && DERMIS_MMRM_CSV="$csv" dotnet run -c Release --project bench/Dermis.Bench -- --filter '*MmrmBenchmarks*' > "$work/dermis.log" 2>&1)
report="$root/BenchmarkDotNet.Artifacts/results/Dermis.Bench.MmrmBenchmarks-report.csv"
dermis=$(python3 - "$report" <<'PY'
import csv, sys
row = next(csv.DictReader(open(sys.argv[1])))
print(row["Mean"])
PY
)

r_time="skipped"
if [[ -z "${SKIP_R:-}" ]]; then
  echo "== R nlme::gls (this takes a minute or two)" >&2
  r_time=$(Rscript - "$csv" <<'RS'
suppressPackageStartupMessages(library(nlme))
d <- read.csv(commandArgs(trailingOnly = TRUE)[1], stringsAsFactors = FALSE)
visits <- paste0("V", 1:8)
d$visitIndex <- match(d$visit, visits)
d <- d[!is.na(d$response), ]
d <- d[order(d$subject, d$visitIndex), ]
d$arm <- factor(d$arm, levels = c("Placebo", "Active")); d$visit <- factor(d$visit, levels = visits)
d$region <- factor(d$region)
elapsed <- system.time(fit <- gls(response ~ baseline + arm + visit + arm:visit + baseline:visit + region, data = d,
  method = "REML", correlation = corSymm(form = ~ visitIndex | subject), weights = varIdent(form = ~ 1 | visit)))[["elapsed"]]
b <- coef(fit)
message(sprintf("R: %d observations, logLik %.6f, Active-Placebo at V8 (no baseline term) %.6f", nrow(d), as.numeric(logLik(fit)),
  b[["armActive"]] + b[["armActive:visitV8"]]))
cat(sprintf("%.1f s", elapsed))
RS
)
fi

printf '%-44s %s\n' "Dermis Mmrm.Fit (UN, REML, KR, LS means)" "$dermis"
printf '%-44s %s\n' "R nlme::gls (UN, REML, model-based SE)" "$r_time"
