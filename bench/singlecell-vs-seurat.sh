#!/usr/bin/env bash
# Dermis `dermis sc run` against Seurat 4.3 (R) on the same steps (bench/singlecell/seurat_pipeline.R), end to end:
# wall time and peak RSS from /usr/bin/time -v, plus the ARI between the two tools' clusters.
# Data sets: "pbmc3k" (tests/data/pbmc3k) and any cell count N, made from real PBMC3k cells (Poisson draws from mixtures
# of two cells of one published type, bench/singlecell/resample_pbmc.R, cached under $WORK).
# Usage: bench/singlecell-vs-seurat.sh [data sets, default "pbmc3k 100000"]
#   WORK=/path   work folder (default /tmp/dermis-sc-bench)   SKIP_SEURAT=1   time Dermis only
#   SEURAT_TIMEOUT=s   stop Seurat after s seconds (default 3600); the table then shows ">s" and the finished steps
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sets="${*:-pbmc3k 100000}"
work="${WORK:-/tmp/dermis-sc-bench}"
mkdir -p "$work"
pbmc3k="$root/tests/data/pbmc3k/filtered_gene_bc_matrices/hg19"

dotnet build "$root/src/Dermis.Cli" -c Release -v quiet -nologo >/dev/null
dll="$root/artifacts/bin/Dermis.Cli/release/dermis.dll"

wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 * 1024 / 1e6 }' "$1"; }   # MB = 10⁶ bytes, as summary.json
ari() {  # $1 dermis cells.csv, $2 seurat cells.csv
  python3 - "$1" "$2" <<'PY'
import csv, sys
from collections import Counter
from math import comb
a = {r["barcode"]: r["cluster"] for r in csv.DictReader(open(sys.argv[1]))}
b = {r["barcode"]: r["cluster"] for r in csv.DictReader(open(sys.argv[2]))}
keys = [k for k in a if k in b]
pairs = Counter((a[k], b[k]) for k in keys); ra = Counter(a[k] for k in keys); rb = Counter(b[k] for k in keys)
index = sum(comb(v, 2) for v in pairs.values()); sa = sum(comb(v, 2) for v in ra.values()); sb = sum(comb(v, 2) for v in rb.values())
expected = sa * sb / comb(len(keys), 2); top = (sa + sb) / 2
print(f"{(index - expected) / (top - expected):.3f} ({len(keys)} shared cells)")
PY
}

rows=()
for set in $sets; do
  if [[ "$set" == "pbmc3k" ]]; then
    input="$pbmc3k"
  else
    input="$work/resampled-$set"
    [[ -f "$input/matrix.mtx.gz" ]] || Rscript "$root/bench/singlecell/resample_pbmc.R" "$pbmc3k" "$root/tests/data/pbmc3k-labels/labels.csv" "$set" "$input" 1
  fi

  echo "== $set: dermis" >&2
  /usr/bin/time -v -o "$work/dermis-$set.time" dotnet "$dll" sc run "$input" --out "$work/dermis-$set" 2> "$work/dermis-$set.log"
  tail -n 1 "$work/dermis-$set.log" >&2 || true
  d_s=$(wall_s "$work/dermis-$set.time"); d_mb=$(peak_mb "$work/dermis-$set.time")
  if [[ -n "${SKIP_SEURAT:-}" ]]; then
    rows+=("$(printf '%-10s %10s %10s %7s %16s %16s %s' "$set" "$d_s" - - "$d_mb" - -)")
    continue
  fi

  # Seurat 4.3's Read10X wants a plain matrix.mtx next to a v2 genes.tsv: PBMC3k gets an unzipped copy (outside the timing).
  seurat_input="$input"
  if [[ -f "$input/genes.tsv" ]]; then
    seurat_input="$work/seurat-input-$set"
    mkdir -p "$seurat_input"
    cp "$input/genes.tsv" "$input/barcodes.tsv" "$seurat_input/"
    gunzip -c "$input/matrix.mtx.gz" > "$seurat_input/matrix.mtx"
  fi

  echo "== $set: seurat" >&2
  limit="${SEURAT_TIMEOUT:-3600}"
  /usr/bin/time -v -o "$work/seurat-$set.time" timeout "$limit" Rscript "$root/bench/singlecell/seurat_pipeline.R" "$seurat_input" "$work/seurat-$set" 2> "$work/seurat-$set.log" || true
  tail -n 1 "$work/seurat-$set.log" >&2 || true
  s_s=$(wall_s "$work/seurat-$set.time"); s_mb=$(peak_mb "$work/seurat-$set.time")
  ratio=$(awk -v s="$s_s" -v d="$d_s" 'BEGIN { printf "%.1f×", s / d }')
  if ! grep -q "^seurat: .* marker rows" "$work/seurat-$set.log"; then
    echo "Seurat stopped after ${limit} s; finished steps: $(tr '\n' ' ' < "$work/seurat-$set/steps.csv")" >&2
    s_s=">$s_s"; ratio=">$ratio"
  fi
  rows+=("$(printf '%-10s %10s %10s %7s %16s %16s %s' "$set" "$d_s" "$s_s" "$ratio" "$d_mb" "$s_mb" "$(ari "$work/dermis-$set/cells.csv" "$work/seurat-$set/cells.csv")")")
done

printf '%-10s %10s %10s %7s %16s %16s %s\n' "data set" "Dermis s" "Seurat s" "ratio" "Dermis peak MB" "Seurat peak MB" "ARI Dermis vs Seurat clusters"
printf '%s\n' "${rows[@]}"
echo "per-step seconds: $work/dermis-*/summary.json (steps) and $work/seurat-*/steps.csv" >&2
