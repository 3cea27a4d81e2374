suppressPackageStartupMessages({library(Seurat); library(Matrix)})
set.seed(42)
out <- "/tmp/sc/out"
pbmc.data <- Read10X(data.dir = "/tmp/sc/hg19/")
pbmc <- CreateSeuratObject(counts = pbmc.data, project = "pbmc3k", min.cells = 3, min.features = 200)
pbmc[["percent.mt"]] <- PercentageFeatureSet(pbmc, pattern = "^MT-")
pbmc <- subset(pbmc, subset = nFeature_RNA > 200 & nFeature_RNA < 2500 & percent.mt < 5)
pbmc <- NormalizeData(pbmc, normalization.method = "LogNormalize", scale.factor = 1e4)
pbmc <- FindVariableFeatures(pbmc, selection.method = "vst", nfeatures = 2000)
pbmc <- ScaleData(pbmc, features = rownames(pbmc))
pbmc <- RunPCA(pbmc, features = VariableFeatures(object = pbmc), verbose = FALSE)
pbmc <- FindNeighbors(pbmc, dims = 1:10, return.neighbor = TRUE, graph.name = "RNA.nn")  # kNN object (annoy, k=20)
t0 <- proc.time()[["elapsed"]]
pbmc <- FindNeighbors(pbmc, dims = 1:10)
cat("FindNeighbors s", proc.time()[["elapsed"]] - t0, "\n")
t0 <- proc.time()[["elapsed"]]
pbmc <- FindClusters(pbmc, resolution = 0.5, verbose = FALSE)
cat("FindClusters s", proc.time()[["elapsed"]] - t0, "\n")
louvain <- as.integer(as.character(Idents(pbmc)))
print(table(louvain))
leiden <- tryCatch({
  p2 <- FindClusters(pbmc, resolution = 0.5, algorithm = 4, verbose = FALSE)
  as.integer(as.character(Idents(p2)))
}, error = function(e) { cat("leiden failed:", conditionMessage(e), "\n"); rep(NA_integer_, ncol(pbmc)) })
print(table(leiden))
t0 <- proc.time()[["elapsed"]]
pbmc <- RunUMAP(pbmc, dims = 1:10, verbose = FALSE)
cat("RunUMAP s", proc.time()[["elapsed"]] - t0, "\n")

pca <- Embeddings(pbmc, "pca")[, 1:10]
write.csv(format(as.data.frame(pca), digits = 6), file.path(out, "pca10.csv"), row.names = FALSE, quote = FALSE)
nn <- pbmc[["RNA.nn"]]
idx <- Indices(nn) - 1L
write.table(idx, file.path(out, "knn20_indices.csv"), sep = ",", row.names = FALSE, col.names = FALSE)
snn <- pbmc[["RNA_snn"]]
cat("snn nnz", length(snn@x), "\n")
T <- summary(as(snn, "dgCMatrix"))
T <- T[T$i < T$j, ]
ov <- round(40 * T$x / (1 + T$x))  # Jaccard s/(2k-s) with k=20 -> overlap s
cat("max overlap recon err", max(abs(ov / (40 - ov) - T$x)), "\n")
write.table(data.frame(i = T$i - 1L, j = T$j - 1L, overlap = ov), file.path(out, "snn_upper_overlap.csv"), sep = ",", row.names = FALSE, quote = FALSE)
um <- Embeddings(pbmc, "umap")
write.csv(format(as.data.frame(um), digits = 6), file.path(out, "umap.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(barcode = colnames(pbmc), louvain_res0.5 = louvain, leiden_res0.5 = leiden), file.path(out, "clusters.csv"), row.names = FALSE, quote = FALSE)
cat("rowSums snn", sum(snn), "\n")
print(sessionInfo())
