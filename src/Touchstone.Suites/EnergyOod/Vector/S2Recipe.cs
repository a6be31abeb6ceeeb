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
