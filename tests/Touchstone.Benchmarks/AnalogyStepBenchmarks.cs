using BenchmarkDotNet.Attributes;
using Touchstone.Suites.Analogy;
using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Benchmarks;

/// <summary>
/// One training step of the analogy suite's model as the suite runs it (AnalogyModel: 1 pre-LayerNorm block,
/// d_model 128, 1 head, rotary base 100, vocabulary 10 011) on a fixed random batch of 64 sequences of length 3:
/// zero_grad, forward, cross-entropy at the last position, backward, Adam (lr 1e-3, weight decay 0.01), one
/// intra-op thread. The PyTorch reference is reference/pytorch_seq2seq.py, case analogy-gpt (run both back to
/// back: ci/bench-analogy.sh). Differences from the reference, both the suite's model being the source's: the head
/// has no bias, and the last position is gathered per row (all rows here have length 3).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class AnalogyStepBenchmarks
{
    private const int Vocabulary = 10011, Batch = 64, Length = 3;
    private Generator _init = null!;
    private AnalogyModel _model = null!;
    private Adam _optimizer = null!;
    private Tensor _x = null!, _last = null!, _y = null!;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.NumThreads = 1;
        TorchRuntime.ManualSeed(0);
        _init = new Generator(0);
        _model = new AnalogyModel(Vocabulary, new AnalogyModelConfig(DModel: 128, NLayer: 1, NHead: 1, RopeBase: 100), _init);
        _optimizer = new Adam(_model.Parameters(), lr: 1e-3, weightDecay: 0.01);
        _x = Tensor.Randint(0, Vocabulary, [Batch, Length]).DetachFromDisposeScope();
        _last = Tensor.Full([Batch], Length - 1, DType.Int64).DetachFromDisposeScope();
        _y = Tensor.Randint(0, Vocabulary, [Batch]).DetachFromDisposeScope();
    }

    [Benchmark]
    public void TrainingStep()
    {
        using var scope = DisposeScope.Begin();
        _optimizer.ZeroGrad();
        var loss = F.CrossEntropy(_model.LastLogits(_x, _last), _y);
        loss.Backward();
        _optimizer.Step();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _optimizer.Dispose();
        _model.Dispose();
        _init.Dispose();
        _x.Dispose();
        _last.Dispose();
        _y.Dispose();
    }
}
