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
            for (var i = 0; i < 20; i++) bench.AdamStep();
            var steps = TimedSteps[name];
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < steps; i++) bench.AdamStep();
            var seconds = clock.Elapsed.TotalSeconds / steps;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds / steps;
            bench.Cleanup();
            // The last column, CPU time of the whole process per step, is less disturbed by other work on a busy
            // machine than wall time (pytorch_mlp.py prints wall time only).
            output.WriteLine($"{name}\t{1 / seconds:F1} steps/s\t{seconds * 1e6:F0} us/step\tcpu {cpuSeconds * 1e6:F0} us/step");
        }
    }
}
