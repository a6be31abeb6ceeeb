using BenchmarkDotNet.Running;
using Touchstone.Benchmarks;

// `dotnet run -c Release -- --filter '*TrainingStep*'` runs the BenchmarkDotNet benchmarks chosen by the filter.
// `dotnet run -c Release -- steps` times the training steps the way reference/pytorch_mlp.py does (20 warm-up
// steps, then a fixed count) and prints the same columns, for a quick side-by-side (ci/bench-torch.sh).
// `dotnet run -c Release -- concat-mlp` times the regression-vs-flow ConcatMLP step like reference/pytorch_concat_mlp.py.
// `dotnet run -c Release -- scan` times one SCAN trial like reference/pytorch_seq2seq.py case scan-lstm.
// `dotnet run -c Release -- op` times `a + b` on four floats as `python -m timeit` does (best of 5 runs).
if (args is ["steps", ..])
{
    TrainingStepTimer.Run(Console.Out);
    return;
}
// `dotnet run -c Release -- synthetic-runs <dir> <runs> <curve rows per run>` writes made-up run folders for timing
// `touchstone compare` and `touchstone query` over many runs (docs/benchmarks.md).
if (args is ["synthetic-runs", var root, var runs, var rows])
{
    var folders = Touchstone.Benchmarks.Analysis.SyntheticRuns.Write(root, int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture), int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine($"{folders.Count} runs under {root}");
    return;
}
if (args is ["concat-mlp", ..])
{
    ConcatMlpStepBenchmarks.Time(Console.Out);
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
