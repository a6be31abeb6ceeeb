using Touchstone.Parquet.Writing;

namespace Touchstone.Parquet.Encodings;

/// <summary>
/// Encodes small integers (levels, dictionary indices) with the RLE/bit-packing hybrid: a run of at least eight
/// equal values becomes one RLE run, everything else is bit-packed in groups of eight.
/// </summary>
internal static class RleHybridEncoder
{
    private const int MinRepeatRun = 8;

    /// <summary>The bit width that holds every value up to and including <paramref name="maxValue"/>.</summary>
    public static int BitWidthFor(int maxValue) => maxValue <= 0 ? 0 : 32 - int.LeadingZeroCount(maxValue);

    public static void Encode(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
    {
        var valueBytes = (bitWidth + 7) / 8;
        var i = 0;
        while (i < values.Length)
        {
            var run = RunLength(values, i);
            if (run >= MinRepeatRun)
            {
                output.WriteVarint((ulong)run << 1);
                var value = values[i];
                var span = output.GetSpan(valueBytes);
                for (var b = 0; b < valueBytes; b++)
                {
                    span[b] = (byte)(value >> (8 * b));
                }
                output.Advance(valueBytes);
                i += run;
                continue;
            }

            // Bit-pack whole groups of eight until a long enough repeat starts at a group boundary.
            var start = i;
            do
            {
                i = Math.Min(i + 8, values.Length);
            }
            while (i < values.Length && !RepeatStartsAt(values, i));
            WriteBitPacked(values[start..i], bitWidth, output);
        }
    }

    private static void WriteBitPacked(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
    {
        var groups = (values.Length + 7) / 8;
        output.WriteVarint(((ulong)groups << 1) | 1);
        var byteCount = groups * bitWidth;
        var span = output.GetSpan(byteCount)[..byteCount];
        span.Clear();
        // The last group is padded with zeros; readers stop at the page's value count.
        BitPacking.Pack(values, bitWidth, span);
        output.Advance(byteCount);
    }

    /// <summary>Whether at least <see cref="MinRepeatRun"/> equal values start at <paramref name="start"/>.</summary>
    private static bool RepeatStartsAt(ReadOnlySpan<int> values, int start)
    {
        if (start + MinRepeatRun > values.Length)
        {
            return false;
        }
        var first = values[start];
        for (var i = start + 1; i < start + MinRepeatRun; i++)
        {
            if (values[i] != first)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How many values from <paramref name="start"/> on equal the first.</summary>
    private static int RunLength(ReadOnlySpan<int> values, int start)
    {
        var first = values[start];
        var end = start + 1;
        while (end < values.Length && values[end] == first)
        {
            end++;
        }
        return end - start;
    }
}
