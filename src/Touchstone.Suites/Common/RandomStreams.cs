using Touchstone.Torch;

namespace Touchstone.Suites.Common;

/// <summary>
/// Every random stream of one cell's training, forked by purpose from the cell's seed, so that no two purposes (or
/// models) share a stream and nothing draws from libtorch's global generator. Tensor-side streams are
/// <see cref="Generator"/>s (initialisation on the CPU, where models are built; noise and dropout on the training
/// device); host-side streams are <see cref="SeededRandom"/>s, identical on every device and libtorch version.
/// Each stream is made on first use and the same instance is returned afterwards; asking for a stream draws nothing
/// from any other stream, so adding a purpose never shifts the existing ones.
/// </summary>
/// <example><code>
/// using var streams = new RandomStreams(context.Seed, device);
/// using var ebt = streams.For("ebt/add");          // a model's own streams, independent of "ffn/add"
/// var model = new Mlp(..., init: ebt.Init, dropout: ebt.Dropout);
/// var order = new BatchOrder(n, batchSize, dropLast: true, ebt.Batches);
/// </code></example>
public sealed class RandomStreams : IDisposable
{
    private readonly SeededRandom _root;
    private readonly Dictionary<string, SeededRandom> _host = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Purpose, Device Device), Generator> _torch = [];

    /// <summary>The streams of a cell trained with <paramref name="seed"/> on <paramref name="device"/>.</summary>
    public RandomStreams(int seed, Device device)
        : this(new SeededRandom((ulong)(uint)seed), device)
    {
    }

    /// <summary>The streams of the part <paramref name="scope"/> of a cell trained with <paramref name="seed"/>:
    /// the same as <c>new RandomStreams(seed, device).For(scope)</c>.</summary>
    public RandomStreams(int seed, string scope, Device device)
        : this(new SeededRandom((ulong)(uint)seed).Fork(scope), device)
    {
    }

    private RandomStreams(SeededRandom root, Device device)
    {
        _root = root;
        Device = device;
    }

    /// <summary>The device the cell trains on: where <see cref="Dropout"/>, <see cref="Noise"/> and
    /// <see cref="EvalNoise"/> draw.</summary>
    public Device Device { get; }

    /// <summary>Initial weights: a CPU generator ("init"), because models are built on the CPU and then moved, so
    /// the weights are the same whatever the training device.</summary>
    public Generator Init => Torch("init", Device.Cpu);

    /// <summary>Dropout masks on the training device ("dropout").</summary>
    public Generator Dropout => Torch("dropout", Device);

    /// <summary>Other training-time noise on the training device ("noise"): initial guesses, Langevin noise,
    /// random step sizes, noise added to inputs.</summary>
    public Generator Noise => Torch("noise", Device);

    /// <summary>Evaluation-time noise on the training device ("eval-noise"), separate so that evaluating more or
    /// less often never shifts training.</summary>
    public Generator EvalNoise => Torch("eval-noise", Device);

    /// <summary>Batch order ("batches"), for <see cref="BatchOrder"/>.</summary>
    public SeededRandom Batches => Host("batches");

    /// <summary>Data drawn per seed during training ("data"), e.g. fresh samples every step. A data set that every
    /// seed shares comes from the config's own data seed instead (<c>new SeededRandom(config.DataSeed)</c>).</summary>
    public SeededRandom Data => Host("data");

    /// <summary>Other host-side random choices ("choices"): step counts, replay samples.</summary>
    public SeededRandom Choices => Host("choices");

    /// <summary>The streams of a named part of the cell (a model, an operation), independent of this one's and of
    /// every other name's. The caller disposes them.</summary>
    public RandomStreams For(string scope) => new(_root.Fork(scope), Device);

    /// <summary>A host-side stream for any other purpose; the same instance for the same name.</summary>
    public SeededRandom Host(string purpose)
    {
        if (!_host.TryGetValue(purpose, out var stream))
        {
            stream = _root.Fork(purpose);
            _host[purpose] = stream;
        }
        return stream;
    }

    /// <summary>A libtorch generator on <paramref name="device"/> for any other purpose; the same instance for the
    /// same name and device.</summary>
    public Generator Torch(string purpose, Device device)
    {
        if (!_torch.TryGetValue((purpose, device), out var generator))
        {
            generator = new Generator(_root.Fork(purpose).NextUInt64(), device);
            _torch[(purpose, device)] = generator;
        }
        return generator;
    }

    /// <summary>Frees the generators made so far.</summary>
    public void Dispose()
    {
        foreach (var generator in _torch.Values)
        {
            generator.Dispose();
        }
        _torch.Clear();
    }
}
