using Touchstone.Suites.Common;
using Touchstone.Torch;

namespace Touchstone.Suites.EnergyOod;

/// <summary>
/// The random streams of one model's training, all derived from the cell's training seed and the model's name, so
/// that no two models (or purposes) share a stream and nothing draws from libtorch's global generator:
/// initialisation and noise come from explicit <see cref="Generator"/>s, batch order and host-side choices from a
/// <see cref="SeededRandom"/> (identical on every device).
/// </summary>
public sealed class TrainingStreams : IDisposable
{
    private readonly SeededRandom _root;
    private readonly List<Generator> _generators = [];

    /// <summary>Streams for the model <paramref name="name"/> (e.g. <c>ebt/add</c>) trained with seed <paramref name="seed"/>.</summary>
    public TrainingStreams(int seed, string name, Device device)
    {
        _root = new SeededRandom((ulong)(uint)seed).Fork(name);
        Device = device;
        Init = Torch("init", Device.Cpu);
        Noise = Torch("noise", device);
        EvalNoise = Torch("eval-noise", device);
        Batches = _root.Fork("batches");
        Choices = _root.Fork("choices");
    }

    /// <summary>The device the model trains on.</summary>
    public Device Device { get; }

    /// <summary>Initial weights (a CPU generator: models are built on the CPU, then moved).</summary>
    public Generator Init { get; }

    /// <summary>Training-time noise on the device: initial guesses, Langevin noise, step sizes, dropout.</summary>
    public Generator Noise { get; }

    /// <summary>Evaluation-time noise on the device, separate so that evaluating does not shift training.</summary>
    public Generator EvalNoise { get; }

    /// <summary>Batch order.</summary>
    public SeededRandom Batches { get; }

    /// <summary>Other host-side random choices (step counts, replay samples).</summary>
    public SeededRandom Choices { get; }

    private Generator Torch(string purpose, Device device)
    {
        var generator = new Generator(_root.Fork(purpose).NextUInt64(), device);
        _generators.Add(generator);
        return generator;
    }

    /// <summary>Frees the generators.</summary>
    public void Dispose()
    {
        foreach (var generator in _generators)
        {
            generator.Dispose();
        }
    }
}
