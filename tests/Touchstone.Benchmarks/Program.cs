using BenchmarkDotNet.Running;

// Runs the benchmarks chosen by --filter, e.g. `dotnet run -c Release -- --filter '*TrainingStep*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
