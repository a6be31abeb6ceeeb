using System.Runtime.InteropServices;
using Touchstone.Suites.Common;
using Touchstone.Torch;

namespace Touchstone.Suites.EnergyOod.Vector;

/// <summary>The arithmetic a vector task learns.</summary>
public enum VectorOperation
{
    /// <summary>y = v1 + v2.</summary>
    Add,

    /// <summary>y = v1 ⊙ v2 (elementwise).</summary>
    Multiply,
}

/// <summary>One split: n rows of inputs x = [v1; v2] (2·size floats each) and the targets of both operations.</summary>
/// <param name="Name">train, val or ood.</param>
/// <param name="Count">Rows.</param>
/// <param name="VecSize">Length of v1, v2 and y.</param>
/// <param name="X">Inputs, row-major (Count × 2·VecSize).</param>
/// <param name="Sum">v1 + v2, row-major (Count × VecSize).</param>
/// <param name="Product">v1 ⊙ v2, row-major (Count × VecSize).</param>
public sealed record VectorSplit(string Name, int Count, int VecSize, float[] X, float[] Sum, float[] Product)
{
    /// <summary>The targets of <paramref name="operation"/>.</summary>
    public float[] Targets(VectorOperation operation) => operation == VectorOperation.Add ? Sum : Product;
}

/// <summary>The three splits: train and val from the training distribution, ood from the shifted one.</summary>
/// <param name="Train">Training rows.</param>
/// <param name="Val">Validation rows (training distribution).</param>
/// <param name="Ood">Out-of-distribution test rows.</param>
public sealed record VectorData(VectorSplit Train, VectorSplit Val, VectorSplit Ood)
{
    /// <summary>
    /// Draws the splits in plain C# from <paramref name="seed"/>. Both operations share the inputs (the source draws
    /// them per task from the same distributions). Values are drawn in double and stored as float32, the targets
    /// computed in float32 from the stored inputs, so they are exactly what the tensors hold.
    /// </summary>
    public static VectorData Generate(VectorDataConfig config, long seed)
    {
        var random = new SeededRandom((ulong)seed).Fork($"vector/{config.Reading}");
        return new VectorData(
            Draw("train", config.NTrain, config, random.Fork("train"), outOfDistribution: false),
            Draw("val", config.NVal, config, random.Fork("val"), outOfDistribution: false),
            Draw("ood", config.NTest, config, random.Fork("ood"), outOfDistribution: true));
    }

    /// <summary>Every split, in order.</summary>
    public IEnumerable<VectorSplit> Splits => [Train, Val, Ood];

    /// <summary>The exact bytes of every array, in a fixed order, for the cell's data hash.</summary>
    public IEnumerable<(string Name, byte[] Bytes)> HashPieces() =>
        Splits.SelectMany(s => new[]
        {
            ($"{s.Name}.x", Bytes(s.X)),
            ($"{s.Name}.add", Bytes(s.Sum)),
            ($"{s.Name}.multiply", Bytes(s.Product)),
        });

    private static byte[] Bytes(float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static VectorSplit Draw(string name, int count, VectorDataConfig config, SeededRandom random, bool outOfDistribution)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count, $"vector.n_{name}");
        var size = config.VecSize;
        var x = new float[count * 2 * size];
        var sum = new float[count * size];
        var product = new float[count * size];
        for (var row = 0; row < count; row++)
        {
            for (var i = 0; i < 2 * size; i++)
            {
                x[row * 2 * size + i] = (float)Value(config.Reading, outOfDistribution, random);
            }
            for (var i = 0; i < size; i++)
            {
                var v1 = x[row * 2 * size + i];
                var v2 = x[row * 2 * size + size + i];
                sum[row * size + i] = v1 + v2;
                product[row * size + i] = v1 * v2;
            }
        }
        return new VectorSplit(name, count, size, x, sum, product);
    }

    // The two readings of the source: README U(−1, 1) → U(−2, 2); code randn·2 − 1 → randn·4 − 2.
    private static double Value(VectorReading reading, bool outOfDistribution, SeededRandom random) => reading switch
    {
        VectorReading.Uniform => outOfDistribution ? random.Uniform(-2, 2) : random.Uniform(-1, 1),
        VectorReading.Gaussian => outOfDistribution ? random.Normal(-2, 4) : random.Normal(-1, 2),
        _ => throw new ArgumentOutOfRangeException(nameof(reading), reading, "unknown vector reading"),
    };
}

/// <summary>The splits of one operation as float32 tensors on the training device.</summary>
public sealed class VectorTensors : IDisposable
{
    private readonly List<Tensor> _owned = [];

    /// <summary>Copies the splits of <paramref name="operation"/> to <paramref name="device"/>.</summary>
    public VectorTensors(VectorData data, VectorOperation operation, Device device)
    {
        using var scope = DisposeScope.Begin(); // frees the host copies; the device tensors leave it in Keep
        TrainCount = data.Train.Count;
        (TrainX, TrainY) = Load(data.Train, operation, device);
        (ValX, ValY) = Load(data.Val, operation, device);
        (OodX, OodY) = Load(data.Ood, operation, device);
    }

    /// <summary>Training rows.</summary>
    public int TrainCount { get; }

    /// <summary>Training inputs (n, 2·size).</summary>
    public Tensor TrainX { get; }

    /// <summary>Training targets (n, size).</summary>
    public Tensor TrainY { get; }

    /// <summary>Validation inputs.</summary>
    public Tensor ValX { get; }

    /// <summary>Validation targets.</summary>
    public Tensor ValY { get; }

    /// <summary>Out-of-distribution inputs.</summary>
    public Tensor OodX { get; }

    /// <summary>Out-of-distribution targets.</summary>
    public Tensor OodY { get; }

    private (Tensor X, Tensor Y) Load(VectorSplit split, VectorOperation operation, Device device)
    {
        var x = Keep(Tensor.From(split.X, new long[] { split.Count, 2L * split.VecSize }).To(device));
        var y = Keep(Tensor.From(split.Targets(operation), new long[] { split.Count, split.VecSize }).To(device));
        return (x, y);
    }

    private Tensor Keep(Tensor tensor)
    {
        _owned.Add(tensor.DetachFromDisposeScope());
        return tensor;
    }

    /// <summary>Frees the tensors.</summary>
    public void Dispose()
    {
        foreach (var tensor in _owned)
        {
            tensor.Dispose();
        }
    }
}
