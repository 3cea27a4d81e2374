using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Dermis.Bench -- --filter '*Easi*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
