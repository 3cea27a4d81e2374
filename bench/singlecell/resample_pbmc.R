#!/usr/bin/env Rscript
# Makes a larger 10x MEX data set from real PBMC3k cells, for bench/singlecell-vs-seurat.sh.
# Each synthetic cell: pick a published cell type with the PBMC3k type frequencies, draw two cells a and b of that
# type with replacement and a weight w ~ U(0, 1), and draw every gene's count from Poisson(w·x_a + (1 − w)·x_b).
# Plain copies of cells (even with Poisson noise) form cliques of near-duplicates in the kNN graph, which Louvain
# splits into ~100 clusters; mixing two cells of one type gives a continuum inside each type instead, like a real
# larger sample. Barcodes are "<a>.<n>-1". Writes the Cell Ranger v3 triplet matrix.mtx.gz, features.tsv.gz,
# barcodes.tsv.gz (both tools read it as is).
# Usage: Rscript resample_pbmc.R <pbmc3k-mex-dir> <labels.csv (barcode,cell_type)> <cells> <out-dir> [seed]
suppressPackageStartupMessages({ library(Matrix); library(data.table) })
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 4) stop("usage: resample_pbmc.R <pbmc3k-mex-dir> <labels.csv> <cells> <out-dir> [seed]")
src <- args[1]; n <- as.integer(args[3]); out <- args[4]
set.seed(if (length(args) >= 5) as.integer(args[5]) else 1)
dir.create(out, showWarnings = FALSE, recursive = TRUE)
mtx <- if (file.exists(file.path(src, "matrix.mtx.gz"))) file.path(src, "matrix.mtx.gz") else file.path(src, "matrix.mtx")
m <- as(readMM(mtx), "CsparseMatrix")                       # genes x cells
barcodes <- readLines(file.path(src, "barcodes.tsv"))
labels <- fread(args[2])
cell <- match(labels$barcode, barcodes)
types <- split(cell, labels$cell_type)
type <- sample(names(types), n, replace = TRUE, prob = lengths(types) / length(cell))
a <- integer(n); b <- integer(n)
for (t in names(types)) {
  k <- which(type == t); pool <- types[[t]]
  a[k] <- pool[sample.int(length(pool), length(k), replace = TRUE)]
  b[k] <- pool[sample.int(length(pool), length(k), replace = TRUE)]
}
w <- runif(n)
# Sparse mixing: M[, j] = w_j·x_a + (1 − w_j)·x_b, then Poisson draws on its non-zeros, in chunks to bound memory.
chunks <- split(seq_len(n), ceiling(seq_len(n) / 10000))
parts <- lapply(chunks, function(j) {
  mix <- m[, a[j], drop = FALSE] %*% Diagonal(x = w[j]) + m[, b[j], drop = FALSE] %*% Diagonal(x = 1 - w[j])
  mix <- as(mix, "TsparseMatrix")
  x <- rpois(length(mix@x), mix@x)
  keep <- x > 0
  data.table(i = mix@i[keep] + 1L, j = j[mix@j[keep] + 1L], x = x[keep])
})
dt <- rbindlist(parts)
setorder(dt, j, i)
con <- gzfile(file.path(out, "matrix.mtx.gz"), "w")
writeLines(c("%%MatrixMarket matrix coordinate integer general", sprintf("%d %d %d", nrow(m), n, nrow(dt))), con)
close(con)
fwrite(dt, file.path(out, "matrix.mtx.gz"), sep = " ", col.names = FALSE, append = TRUE, compress = "gzip")
genes <- fread(file.path(src, "genes.tsv"), header = FALSE, colClasses = "character")[, 1:2]
genes$type <- "Gene Expression"
fwrite(genes, file.path(out, "features.tsv.gz"), sep = "\t", col.names = FALSE, compress = "gzip")
con <- gzfile(file.path(out, "barcodes.tsv.gz"), "w")
writeLines(paste0(sub("-1$", "", barcodes[a]), ".", seq_len(n), "-1"), con)
close(con)
message(sprintf("resample: %d cells x %d genes, %d non-zeros (%.0f genes per cell) -> %s", n, nrow(m), nrow(dt), nrow(dt) / n, out))
