"""Writes legacy.h5ad: a 4-cell x 3-gene AnnData file in the pre-0.7 anndata layout, by hand with h5py.

- X: the older h5sparse CSC group (attributes h5sparse_format = "csc", h5sparse_shape = (4, 3)), no encoding-type.
- obs: group with attribute _index = "index"; a categorical column stored the old way: an int8 codes dataset
  "cell_type" with an object-reference attribute "categories" pointing at obs/__categories/cell_type; a float
  column "n_counts"; a boolean column "doublet" (h5py bool enum).
- var: index "index" (gene names) and a fixed-length string column "gene_ids".

Dense X (cells x genes):      categories: ["B", "T"]; codes [1, 0, -1, 1] -> T, B, (missing), T
    [[1, 0, 2],
     [0, 3, 0],
     [4, 0, 5],
     [0, 0, 6]]
Run: /usr/bin/python3 make_legacy_h5ad.py  (h5py 3.7.0, HDF5 1.10.8 on Debian 12).
"""
import h5py
import numpy as np

with h5py.File("legacy.h5ad", "w") as f:
    x = f.create_group("X")
    x.attrs["h5sparse_format"] = "csc"
    x.attrs["h5sparse_shape"] = np.array([4, 3], dtype=np.int64)
    # CSC of the matrix above: column 0 rows 0,2 (1,4); column 1 row 1 (3); column 2 rows 0,2,3 (2,5,6).
    x.create_dataset("data", data=np.array([1, 4, 3, 2, 5, 6], dtype=np.float32))
    x.create_dataset("indices", data=np.array([0, 2, 1, 0, 2, 3], dtype=np.int32))
    x.create_dataset("indptr", data=np.array([0, 2, 3, 6], dtype=np.int32))

    obs = f.create_group("obs")
    obs.attrs["_index"] = "index"
    obs.create_dataset("index", data=np.array([b"c1", b"c2", b"c3", b"c4"], dtype="S2"))
    cats = obs.create_group("__categories")
    cats.create_dataset("cell_type", data=np.array([b"B", b"T"], dtype=h5py.string_dtype("utf-8")))
    codes = obs.create_dataset("cell_type", data=np.array([1, 0, -1, 1], dtype=np.int8))
    codes.attrs.create("categories", cats["cell_type"].ref, dtype=h5py.ref_dtype)
    obs.create_dataset("n_counts", data=np.array([3.0, 3.0, 9.0, 6.0]))
    obs.create_dataset("doublet", data=np.array([False, True, False, False]))

    var = f.create_group("var")
    var.attrs["_index"] = "index"
    var.create_dataset("index", data=np.array(["GENE1", "GENE2", "GENE3"], dtype=h5py.string_dtype("utf-8")))
    var.create_dataset("gene_ids", data=np.array([b"ENSG1", b"ENSG2", b"ENSG3"], dtype="S5"))
