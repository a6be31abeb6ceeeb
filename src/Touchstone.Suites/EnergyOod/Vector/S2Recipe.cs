using Touchstone.Suites.Common;
using Touchstone.Torch;

namespace Touchstone.Suites.EnergyOod.Vector;

/// <summary>
/// The paper's S2 energy-landscape regularization (Gladstone et al. 2025; alexiglad/EBT model/nlp/ebt.py), applied
/// to the toy's energy network. In training: a number of steps drawn once per batch from
/// [<see cref="S2Config.MinSteps"/>, <see cref="S2Config.MaxSteps"/>], a step size per example from U(α/s, α·s),
/// Langevin noise before every step, and replayed examples appended to the batch that start from their last
/// prediction. In evaluation: the most steps, α itself, and the noise only if <see cref="S2Config.NoiseAtEval"/>.
/// </summary>
public sealed class S2Recipe : IDisposable
{
    private readonly EbtConfig _config;
    private readonly RandomStreams _streams;
    private readonly ReplayBuffer _buffer;

    /// <summary>The recipe for one model, drawing from its streams.</summary>
    public S2Recipe(EbtConfig config, RandomStreams streams)
    {
        var s2 = config.S2;
        if (s2.MinSteps < 1 || s2.MaxSteps < s2.MinSteps)
        {
            throw new ArgumentException($"ebt.s2 needs 1 <= min_steps <= max_steps, got {s2.MinSteps} and {s2.MaxSteps}");
        }
        _config = config;
        _streams = streams;
        _buffer = new ReplayBuffer(s2.ReplayBufferSize);
    }

    /// <summary>Records in the replay buffer.</summary>
    public int Replayed => _buffer.Count;

    /// <summary>The fresh batch with replayed examples appended (fresh rows first, as in the source).</summary>
    public (Tensor X, Tensor Y, Tensor Initial) WithReplay(Tensor x, Tensor y, Tensor initial)
    {
        var wanted = (int)(x.Size(0) * _config.S2.ReplayFraction);
        if (_buffer.Sample(wanted, _streams.Choices) is not { } replay)
        {
            return (x, y, initial);
        }
        return (Tensor.Cat([x, replay.X]), Tensor.Cat([y, replay.Y]), Tensor.Cat([initial, replay.Prediction]));
    }

    /// <summary>Keeps the fresh examples' final predictions for later batches.</summary>
    public void Remember(Tensor x, Tensor y, Tensor prediction) => _buffer.Add(x, y, prediction);

    /// <summary>A training plan for <paramref name="rows"/> examples: random step count and step sizes, noise.</summary>
    public DescentPlan TrainingPlan(long rows, DType dtype)
    {
        var s2 = _config.S2;
        var (low, high) = (_config.StepSize / s2.StepSizeScale, _config.StepSize * s2.StepSizeScale);
        return new DescentPlan
        {
            Steps = _streams.Choices.NextInt(s2.MinSteps, s2.MaxSteps),
            StepSizes = Tensor.Rand([rows, 1], _streams.Noise, dtype) * (high - low) + low,
            NoiseStd = s2.LangevinNoise,
            NoiseGenerator = _streams.Noise,
            DetachBetweenSteps = false,
        };
    }

    /// <summary>The evaluation plan: the most steps at α, noise only when the config asks for it.</summary>
    public DescentPlan EvaluationPlan() => new()
    {
        Steps = _config.S2.MaxSteps,
        StepSize = _config.StepSize,
        NoiseStd = _config.S2.NoiseAtEval ? _config.S2.LangevinNoise : 0,
        NoiseGenerator = _streams.EvalNoise,
        DetachBetweenSteps = false,
    };

    /// <summary>Frees the replay buffer.</summary>
    public void Dispose() => _buffer.Dispose();
}

/// <summary>
/// The paper's replay buffer (alexiglad/EBT model/replay_buffer.py): a FIFO of (x, y, final prediction) records.
/// Records are appended after each training step and the oldest dropped beyond the capacity; a sample is drawn
/// without replacement. Held on the device as three ring buffers.
/// </summary>
public sealed class ReplayBuffer : IDisposable
{
    private readonly int _capacity;
    private Tensor? _x, _y, _prediction;
    private int _next;

    /// <summary>An empty buffer of <paramref name="capacity"/> records.</summary>
    public ReplayBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity, "ebt.s2.replay_buffer_size");
        _capacity = capacity;
    }

    /// <summary>Records held.</summary>
    public int Count { get; private set; }

    /// <summary>Appends one record per row, dropping the oldest beyond the capacity.</summary>
    public void Add(Tensor x, Tensor y, Tensor prediction)
    {
        using var scope = DisposeScope.Begin();
        using var noGrad = Autograd.NoGrad();
        var rows = (int)x.Size(0);
        var skip = Math.Max(0, rows - _capacity); // rows that would be overwritten within this same call
        var slots = new long[rows - skip];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = (_next + i) % _capacity;
        }
        var index = Tensor.From(slots).To(x.Device);
        Write(ref _x, x.Narrow(0, skip, rows - skip), index);
        Write(ref _y, y.Narrow(0, skip, rows - skip), index);
        Write(ref _prediction, prediction.Narrow(0, skip, rows - skip), index);
        _next = (_next + slots.Length) % _capacity;
        Count = Math.Min(_capacity, Count + slots.Length);
    }

    /// <summary>Up to <paramref name="count"/> distinct records chosen at random, or null when empty.</summary>
    public (Tensor X, Tensor Y, Tensor Prediction)? Sample(int count, SeededRandom random)
    {
        var take = Math.Min(count, Count);
        if (take == 0 || _x is null || _y is null || _prediction is null)
        {
            return null;
        }
        var slots = Enumerable.Range(0, Count).ToArray();
        for (var i = 0; i < take; i++) // partial Fisher–Yates: the first `take` slots are a uniform sample
        {
            var j = i + random.NextInt(Count - i);
            (slots[i], slots[j]) = (slots[j], slots[i]);
        }
        var index = Tensor.From(slots.Take(take).Select(s => (long)s).ToArray()).To(_x.Device);
        return (_x.IndexSelect(0, index), _y.IndexSelect(0, index), _prediction.IndexSelect(0, index));
    }

    private void Write(ref Tensor? ring, Tensor rows, Tensor index)
    {
        if (ring is null)
        {
            ring = Tensor.Zeros([_capacity, rows.Size(1)], rows.DType, rows.Device).DetachFromDisposeScope();
        }
        ring.IndexPut_([index], rows.Detach());
    }

    /// <summary>Frees the ring buffers.</summary>
    public void Dispose()
    {
        _x?.Dispose();
        _y?.Dispose();
        _prediction?.Dispose();
    }
}
