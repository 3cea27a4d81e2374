// Reads HDF5 files on behalf of Dermis.SingleCell.Io.Hdf5.Hdf5Sandbox: one JSON request per line on stdin, one reply per line on stdout.
return Dermis.SingleCell.Io.Hdf5.Hdf5Worker.Serve(Console.In, Console.Out);
