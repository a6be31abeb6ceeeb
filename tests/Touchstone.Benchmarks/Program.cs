using BenchmarkDotNet.Running;
using Touchstone.Benchmarks;

// `dotnet run -c Release -- --filter '*TrainingStep*'` runs the BenchmarkDotNet benchmarks chosen by the filter.
// `dotnet run -c Release -- steps` times the training steps the way shared/bench/pytorch_mlp.py does (20 warm-up
// steps, then a fixed count) and prints the same columns, for a quick side-by-side (ci/bench-torch.sh).
// `dotnet run -c Release -- scan` times one SCAN trial like reference/pytorch_seq2seq.py case scan-lstm.
// `dotnet run -c Release -- op` times `a + b` on four floats as `python -m timeit` does (best of 5 runs).
if (args is ["steps", ..])
{
    TrainingStepTimer.Run(Console.Out);
    return;
}
if (args is ["scan", ..])
{
    ScanTrialBenchmarks.Time(Console.Out);
    return;
}
if (args is ["op", ..])
{
    TrainingStepTimer.RunSmallOp(Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
