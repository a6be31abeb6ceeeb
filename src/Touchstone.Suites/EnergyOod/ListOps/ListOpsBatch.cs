using Touchstone.Torch;

namespace Touchstone.Suites.EnergyOod.ListOps;

/// <summary>A padded minibatch on the device: ids (batch, length), padding mask (true at padding) and labels.</summary>
/// <param name="Ids">Token ids, int64, padded with <see cref="Tokenizer.Pad"/> to the longest example.</param>
/// <param name="Padding">Bool, true where <paramref name="Ids"/> is padding.</param>
/// <param name="Labels">Classes, int64.</param>
public sealed record ListOpsBatch(Tensor Ids, Tensor Padding, Tensor Labels)
{
    /// <summary>Examples in the batch.</summary>
    public long Count => Labels.Size(0);

    /// <summary>
    /// The examples at <paramref name="indices"/>, padded to the longest of them and truncated to
    /// <paramref name="maxLength"/> (the source pads every batch to 512; the padded positions are masked either way).
    /// </summary>
    public static ListOpsBatch Of(IReadOnlyList<ListOpsSample> samples, IReadOnlyList<long> indices, int maxLength, Device device)
    {
        var length = Math.Min(maxLength, indices.Max(i => samples[(int)i].Length));
        var ids = new long[indices.Count * length];
        var labels = new long[indices.Count];
        for (var row = 0; row < indices.Count; row++)
        {
            var sample = samples[(int)indices[row]];
            for (var j = 0; j < Math.Min(length, sample.Length); j++)
            {
                ids[row * length + j] = sample.Tokens[j];
            }
            labels[row] = sample.Label;
        }
        var idTensor = Tensor.From(ids, new long[] { indices.Count, length }).To(device);
        return new ListOpsBatch(idTensor, idTensor.Eq(Tokenizer.Pad), Tensor.From(labels).To(device));
    }

    /// <summary>Consecutive batches covering every example once, in order (evaluation).</summary>
    public static IEnumerable<long[]> InOrder(int count, int batchSize)
    {
        for (var start = 0; start < count; start += batchSize)
        {
            yield return Enumerable.Range(start, Math.Min(batchSize, count - start)).Select(i => (long)i).ToArray();
        }
    }
}
