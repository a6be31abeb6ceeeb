using System.Diagnostics;

namespace Touchstone.Benchmarks;

/// <summary>Times <see cref="TrainingStepBenchmarks.AdamStep"/> like pytorch_mlp.py: same warm-up, same step
/// counts, same output columns.</summary>
public static class TrainingStepTimer
{
    private static readonly Dictionary<string, int> TimedSteps = new()
    {
        ["mlp-1024-256-128-64-20-b128"] = 300,
        ["mlp-20-128-128-10-b64"] = 3000,
        ["mlp-1-256-256-256-1-b32"] = 2000,
    };

    public static void Run(TextWriter output)
    {
        foreach (var (name, _, _, _, _) in TrainingStepBenchmarks.Shapes)
        {
            var bench = new TrainingStepBenchmarks { Shape = name };
            bench.Setup();
            for (var i = 0; i < 20; i++)
            {
                bench.AdamStep();
            }
            var steps = TimedSteps[name];
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < steps; i++)
            {
                bench.AdamStep();
            }
            var seconds = clock.Elapsed.TotalSeconds / steps;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds / steps;
            bench.Cleanup();
            // The last column, CPU time of the whole process per step, is less disturbed by other work on a busy
            // machine than wall time (pytorch_mlp.py prints wall time only).
            output.WriteLine($"{name}\t{1 / seconds:F1} steps/s\t{seconds * 1e6:F0} us/step\tcpu {cpuSeconds * 1e6:F0} us/step");
        }
    }

    /// <summary>Times x + y on four floats (result freed at once) like <c>python -m timeit "a + b"</c>: the best
    /// of five runs of 200,000 loops.</summary>
    public static void RunSmallOp(TextWriter output)
    {
        Touchstone.Torch.TorchRuntime.NumThreads = 1;
        using var a = Touchstone.Torch.Tensor.Ones([4]);
        using var b = Touchstone.Torch.Tensor.Ones([4]);
        const int loops = 200_000;
        var best = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < loops; i++)
            {
                using var result = a + b;
            }
            best = Math.Min(best, clock.Elapsed.TotalSeconds / loops);
        }
        output.WriteLine($"{loops} loops, best of 5: {best * 1e6:F2} usec per loop");
    }
}
