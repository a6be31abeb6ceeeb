using Touchstone.Torch;

namespace Touchstone.Suites.EnergyOod.Vector;

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
