using Touchstone.Suites.Common;
using Touchstone.Torch;

namespace Touchstone.Suites.EnergyOod.Vector;

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
