#!/usr/bin/env Rscript
# The Seurat v4 "Guided Clustering Tutorial" (PBMC3k) steps, timed, for bench/singlecell-vs-seurat.sh.
# Usage: Rscript seurat_pipeline.R <10x-mex-dir> <out-dir>
# Same parameters as `dermis sc run` (docs/singlecell.md): min.cells 3, min.features 200, 200 < nFeature < 2500,
# percent.mt < 5, LogNormalize 1e4, vst 2000, ScaleData on the variable genes (Seurat's default; the tutorial scales all
# genes only for its heatmaps), RunPCA 50 (seed 42), dims 1:10, k 20, Louvain resolution 0.5, RunUMAP (uwot, cosine,
# 30 neighbours), FindAllMarkers(only.pos = TRUE, min.pct = 0.25, logfc.threshold = 0.25). Writes steps.csv and cells.csv.
suppressPackageStartupMessages({ library(Seurat); library(Matrix) })
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: seurat_pipeline.R <10x-mex-dir> <out-dir>")
dir.create(args[2], showWarnings = FALSE, recursive = TRUE)
set.seed(42)
times <- list()
step <- function(name, expr) {
  t0 <- proc.time()[["elapsed"]]
  r <- force(expr)
  times[[name]] <<- proc.time()[["elapsed"]] - t0
  message(sprintf("seurat: %s %.2f s", name, times[[name]]))
  # Written after every step, so a run stopped by the bench's timeout still leaves the finished steps' times.
  write.csv(data.frame(step = names(times), seconds = unlist(times)), file.path(args[2], "steps.csv"), row.names = FALSE)
  r
}
counts <- step("read", Read10X(data.dir = args[1]))
pbmc <- step("create", CreateSeuratObject(counts = counts, project = "bench", min.cells = 3, min.features = 200))
rm(counts); invisible(gc())
pbmc[["percent.mt"]] <- step("percent_mt", PercentageFeatureSet(pbmc, pattern = "^MT-"))
pbmc <- step("qc", subset(pbmc, subset = nFeature_RNA > 200 & nFeature_RNA < 2500 & percent.mt < 5))
pbmc <- step("normalize", NormalizeData(pbmc, normalization.method = "LogNormalize", scale.factor = 1e4, verbose = FALSE))
pbmc <- step("variable_genes", FindVariableFeatures(pbmc, selection.method = "vst", nfeatures = 2000, verbose = FALSE))
pbmc <- step("scale", ScaleData(pbmc, verbose = FALSE))
pbmc <- step("pca", RunPCA(pbmc, features = VariableFeatures(object = pbmc), verbose = FALSE))
pbmc <- step("neighbors", FindNeighbors(pbmc, dims = 1:10, verbose = FALSE))
pbmc <- step("clustering", FindClusters(pbmc, resolution = 0.5, verbose = FALSE))
pbmc <- step("umap", RunUMAP(pbmc, dims = 1:10, verbose = FALSE))
write.csv(data.frame(barcode = colnames(pbmc), cluster = Idents(pbmc)), file.path(args[2], "cells.csv"), row.names = FALSE)
markers <- step("markers", FindAllMarkers(pbmc, only.pos = TRUE, min.pct = 0.25, logfc.threshold = 0.25, verbose = FALSE))
write.csv(markers, file.path(args[2], "markers.csv"), row.names = FALSE)
message(sprintf("seurat: %d cells, %d clusters, %d marker rows, steps %.1f s", ncol(pbmc), length(levels(Idents(pbmc))), nrow(markers), sum(unlist(times))))
