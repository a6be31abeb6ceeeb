namespace Touchstone.Suites.Common;

/// <summary>
/// Minibatches as PyTorch's <c>DataLoader(shuffle=True)</c> draws them: a fresh permutation every epoch, cut into
/// batches in order; with <c>drop_last</c> the incomplete tail is skipped. The next batch is always available, so
/// a loop counted in optimizer steps runs across epochs, as the toy source's loops do; a loop counted in epochs
/// takes <see cref="Epoch"/>. The permutation is a host-side Fisher–Yates shuffle from a <see cref="SeededRandom"/>,
/// so the order is the same on every device and libtorch version (torch.randperm's is not promised to be).
/// </summary>
/// <example><code>
/// var order = new BatchOrder(count: 4096, batchSize: 64, dropLast: false, streams.Batches);
/// for (var epoch = 0; epoch &lt; epochs; epoch++)
///     foreach (var indices in order.Epoch()) { var index = Tensor.From(indices).To(device); ... }
/// for (var step = 1; step &lt;= steps; step++) { var indices = order.Next(); ... }   // or counted in steps
/// </code></example>
public sealed class BatchOrder
{
    private readonly SeededRandom _random;
    private readonly int[] _order;
    private readonly int _batchSize;
    private readonly bool _dropLast;
    private int _position;

    /// <summary>Batches of <paramref name="batchSize"/> indices into <paramref name="count"/> examples.</summary>
    public BatchOrder(int count, int batchSize, bool dropLast, SeededRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (count < (dropLast ? batchSize : 1))
        {
            throw new ArgumentException(
                $"{count} training examples cannot fill one batch of {batchSize}: lower the batch size or raise the example count");
        }
        _random = random;
        _order = Enumerable.Range(0, count).ToArray();
        _batchSize = batchSize;
        _dropLast = dropLast;
        _position = count;
    }

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => _dropLast ? _order.Length / _batchSize : (_order.Length + _batchSize - 1) / _batchSize;

    /// <summary>Whether the next batch starts a new epoch.</summary>
    public bool AtEpochStart => _position >= Limit;

    private int Limit => _dropLast ? _order.Length - _order.Length % _batchSize : _order.Length;

    /// <summary>The batches of one whole epoch, from a fresh permutation; call it only at an epoch start.</summary>
    /// <exception cref="InvalidOperationException">The previous epoch was not finished.</exception>
    public IEnumerable<long[]> Epoch()
    {
        if (!AtEpochStart)
        {
            throw new InvalidOperationException("Epoch() was called in the middle of an epoch: take the rest of it with Next() first");
        }
        var batches = BatchesPerEpoch;
        for (var b = 0; b < batches; b++)
        {
            yield return Next();
        }
    }

    /// <summary>The indices of the next batch.</summary>
    public long[] Next()
    {
        if (_position >= Limit)
        {
            _random.Shuffle(_order);
            _position = 0;
        }
        var size = Math.Min(_batchSize, _order.Length - _position);
        var batch = new long[size];
        for (var i = 0; i < size; i++)
        {
            batch[i] = _order[_position + i];
        }
        _position += size;
        return batch;
    }
}
