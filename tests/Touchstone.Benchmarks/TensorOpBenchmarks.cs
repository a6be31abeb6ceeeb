using BenchmarkDotNet.Attributes;
using Touchstone.Torch;

namespace Touchstone.Benchmarks;

/// <summary>The fixed cost of one small op through the binding (P/Invoke, a native handle and its release),
/// to compare with PyTorch's front end: <c>python3 -m timeit -s "import torch; a = torch.ones(4); b = torch.ones(4)" "a + b"</c>.</summary>
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class TensorOpBenchmarks
{
    private Tensor _a = null!, _b = null!;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.NumThreads = 1;
        _a = Tensor.Ones([4]).DetachFromDisposeScope();
        _b = Tensor.Ones([4]).DetachFromDisposeScope();
    }

    /// <summary>x + y on four floats, the result freed at once (as Python frees an unused result).</summary>
    [Benchmark]
    public void AddSmall()
    {
        using var result = _a + _b;
    }
}
