using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Touchstone.Suites.RegressionVsFlow;
using Touchstone.Torch;
using Touchstone.Torch.Optim;

namespace Touchstone.Benchmarks;

/// <summary>
/// One training step of the regression-vs-flow suite's ConcatMLP (hidden 256, 3 layers, batch 32, one output
/// dimension) as the suite runs it: the suite's own network and loss (Modes.Loss), Adam, and the loss read back
/// with .item() as the source's loop does. Compared with reference/pytorch_concat_mlp.py, which does the same in
/// PyTorch eager (ci/bench-concat-mlp.sh runs both back to back).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class ConcatMlpStepBenchmarks
{
    private const int Batch = 32;
    private ConcatMlp _model = null!;
    private Adam _optimizer = null!;
    private Generator _init = null!, _noise = null!;
    private Tensor _c = null!, _x1 = null!;

    /// <summary>regression (x = 0, no t) or flow (flow matching with x0 ~ N(0, I), t ~ U(0, 1)).</summary>
    [Params(Mode.Flow, Mode.Regression)]
    public Mode Mode { get; set; } = Mode.Flow;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.NumThreads = 1;
        _init = new Generator(0);
        _noise = new Generator(1);
        _model = new ConcatMlp(1, 256, 3, Modes.UsesTime(Mode), _init);
        _optimizer = new Adam(_model.Parameters(), lr: 1e-3);
        _c = Tensor.Rand([Batch, 1], _init).DetachFromDisposeScope();
        _x1 = Tensor.Randn([Batch, 1], _init).DetachFromDisposeScope();
    }

    [Benchmark]
    public float TrainingStep()
    {
        using var scope = DisposeScope.Begin();
        var t = Tensor.Rand([Batch, 1], _noise);
        var x0 = Tensor.RandnLike(_x1, _noise);
        var loss = Modes.Loss(Mode, _model, LossType.L2, x0, _x1, _c, t, 0.9);
        _optimizer.ZeroGrad();
        loss.Backward();
        _optimizer.Step();
        return loss.Item<float>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _optimizer.Dispose();
        _model.Dispose();
        _c.Dispose();
        _x1.Dispose();
        _init.Dispose();
        _noise.Dispose();
    }

    /// <summary>Times the step like reference/pytorch_concat_mlp.py: 50 warm-up steps, then 3000 timed ones; same columns.</summary>
    public static void Time(TextWriter output)
    {
        foreach (var mode in new[] { Mode.Flow, Mode.Regression })
        {
            var bench = new ConcatMlpStepBenchmarks { Mode = mode };
            bench.Setup();
            for (var i = 0; i < 50; i++)
            {
                bench.TrainingStep();
            }
            const int steps = 3000;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < steps; i++)
            {
                bench.TrainingStep();
            }
            var seconds = clock.Elapsed.TotalSeconds / steps;
            bench.Cleanup();
            output.WriteLine($"concat-mlp-{Modes.Name(mode)}-b32\t{1 / seconds:F1} steps/s\t{seconds * 1e6:F0} us/step");
        }
    }
}
