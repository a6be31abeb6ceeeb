using BenchmarkDotNet.Attributes;
using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Benchmarks;

/// <summary>One Adam training step (zero_grad, forward, MSE, backward, step) of the three MLPs of
/// reference/pytorch_mlp.py, with the same shapes, batch sizes, fixed random batch and one intra-op thread, so
/// that the time per step compares directly with that script's (run both back to back: ci/bench-torch.sh).</summary>
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class TrainingStepBenchmarks
{
    /// <summary>The shapes of pytorch_mlp.py: name, input, hidden layers, output, batch.</summary>
    public static readonly (string Name, int Input, int[] Hidden, int Output, int Batch)[] Shapes =
    [
        ("mlp-1024-256-128-64-20-b128", 1024, [256, 128, 64], 20, 128),
        ("mlp-20-128-128-10-b64", 20, [128, 128], 10, 64),
        ("mlp-1-256-256-256-1-b32", 1, [256, 256, 256], 1, 32),
    ];

    private Sequential _net = null!;
    private Adam _optimizer = null!;
    private Tensor _x = null!, _y = null!;

    /// <summary>Which of <see cref="Shapes"/> to run.</summary>
    [ParamsSource(nameof(ShapeNames))]
    public string Shape { get; set; } = "";

    /// <summary>The shape names, for BenchmarkDotNet.</summary>
    public static IEnumerable<string> ShapeNames => Shapes.Select(s => s.Name);

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.NumThreads = 1;
        TorchRuntime.ManualSeed(0);
        var (_, input, hidden, output, batch) = Shapes.Single(s => s.Name == Shape);
        _net = new Sequential();
        var d = input;
        foreach (var h in hidden)
        {
            _net.Append(new Linear(d, h)).Append(new ReLU());
            d = h;
        }
        _net.Append(new Linear(d, output));
        _optimizer = new Adam(_net.Parameters(), lr: 1e-3);
        _x = Tensor.Randn([batch, input]).DetachFromDisposeScope();
        _y = Tensor.Rand([batch, output]).DetachFromDisposeScope();
    }

    [Benchmark]
    public void AdamStep()
    {
        using var scope = DisposeScope.Begin();
        _optimizer.ZeroGrad();
        var loss = F.MseLoss(_net.Forward(_x), _y);
        loss.Backward();
        _optimizer.Step();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _optimizer.Dispose();
        _net.Dispose();
        _x.Dispose();
        _y.Dispose();
    }
}
