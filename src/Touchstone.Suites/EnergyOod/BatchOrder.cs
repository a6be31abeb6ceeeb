using Touchstone.Suites.Common;

namespace Touchstone.Suites.EnergyOod;

/// <summary>
/// Minibatches as PyTorch's <c>DataLoader(shuffle=True)</c> draws them: a fresh permutation every epoch, cut into
/// batches in order; with <c>drop_last</c> the incomplete tail is skipped. The next batch is always available, so
/// a loop counted in optimizer steps runs across epochs, as the toy source's loops do.
/// </summary>
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
