using BenchmarkDotNet.Running;
using Dermis.Bench.Trials;

// dotnet run -c Release --project bench/Dermis.Bench -- --filter '*Easi*'     (BenchmarkDotNet kernels)
// dotnet run -c Release --project bench/Dermis.Bench -- ecrf [--db ...]       (eCRF saves over HTTP)
// dotnet run -c Release --project bench/Dermis.Bench -- pages [--db ...]      (web page server time, 2,000 participants)
// dotnet run -c Release --project bench/Dermis.Bench -- export [--db ...]     (ODM, SDTM, CSV export time, 2,000 participants x 15 visits)
// dotnet run -c Release --project bench/Dermis.Bench -- ingest [--db ...]     (device sample ingest over HTTP: samples/s)
// dotnet run -c Release --project bench/Dermis.Bench -- fuzz [--cases 100000] [--seed 1] [--target all|api|protocol|device|odm|tenx]   (docs/fuzzing.md)
// dotnet run -c Release --project bench/Dermis.Bench -- crash --engine sqlite|postgresql --rounds 50   (SIGKILL under writes: lost/duplicated, docs/reliability.md)
// dotnet run -c Release --project bench/Dermis.Bench -- load [--seconds 120] [--connections 16] [--db ...]   (mixed workload against a real dermis serve process: latency, errors, RSS)
if (args.Length > 0 && args[0] == "ecrf")
{
    return await EcrfSaveBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "crash")
{
    return await Dermis.Bench.Reliability.CrashBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "load")
{
    return await Dermis.Bench.Reliability.LoadGenerator.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "fuzz")
{
    return await Dermis.Bench.Fuzz.FuzzBenchmark.RunAsync(args[1..]);
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
