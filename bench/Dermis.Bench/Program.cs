using BenchmarkDotNet.Running;
using Dermis.Bench.Trials;

// dotnet run -c Release --project bench/Dermis.Bench -- --filter '*Easi*'     (BenchmarkDotNet kernels)
// dotnet run -c Release --project bench/Dermis.Bench -- ecrf [--db ...]       (eCRF saves over HTTP)
// dotnet run -c Release --project bench/Dermis.Bench -- pages [--db ...]      (web page server time, 2,000 participants)
// dotnet run -c Release --project bench/Dermis.Bench -- export [--db ...]     (ODM, SDTM, CSV export time, 2,000 participants x 15 visits)
// dotnet run -c Release --project bench/Dermis.Bench -- ingest [--db ...]     (device sample ingest over HTTP: samples/s)
if (args.Length > 0 && args[0] == "ecrf")
{
    return await EcrfSaveBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "ingest")
{
    return await Dermis.Bench.Sensing.IngestBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "export")
{
    return await ExportBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "pages")
{
    return await PageRenderBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
