using System.Text;

namespace Touchstone.Parquet.Writing;

/// <summary>
/// Minimum and maximum of UTF-8 strings in unsigned byte order (the STRING type's order). Long bounds are
/// truncated to <see cref="MaxLength"/> bytes: the minimum to a prefix, the maximum to a prefix whose last
/// character is incremented, so both stay valid bounds and valid UTF-8, marked as not exact.
/// </summary>
internal sealed class StringStatistics
{
    public const int MaxLength = 256;

    private byte[] _min = new byte[64], _max = new byte[64];
    private int _minLength, _maxLength;
    private bool _any;

    public void Observe(ReadOnlySpan<byte> utf8)
    {
        if (!_any)
        {
            Copy(utf8, ref _min, ref _minLength);
            Copy(utf8, ref _max, ref _maxLength);
            _any = true;
        }
        else if (utf8.SequenceCompareTo(_min.AsSpan(0, _minLength)) < 0)
        {
            Copy(utf8, ref _min, ref _minLength);
        }
        else if (utf8.SequenceCompareTo(_max.AsSpan(0, _maxLength)) > 0)
        {
            Copy(utf8, ref _max, ref _maxLength);
        }
    }

    public void WriteTo(Format.Statistics stats)
    {
        if (!_any)
        {
            return;
        }
        var min = _min.AsSpan(0, _minLength);
        var max = _max.AsSpan(0, _maxLength);
        // The deprecated min/max fields used signed byte order for strings, so they are left unset.
        stats.MinValue = min.Length <= MaxLength ? min.ToArray() : min[..PrefixLength(min, MaxLength)].ToArray();
        stats.IsMinValueExact = min.Length <= MaxLength;
        stats.MaxValue = max.Length <= MaxLength ? max.ToArray() : IncrementedPrefix(max);
        stats.IsMaxValueExact = max.Length <= MaxLength;
        if (stats.MaxValue is null)
        {
            stats.IsMaxValueExact = null;
        }
    }

    private static void Copy(ReadOnlySpan<byte> value, ref byte[] target, ref int length)
    {
        if (target.Length < value.Length)
        {
            target = new byte[Math.Max(value.Length, target.Length * 2)];
        }
        value.CopyTo(target);
        length = value.Length;
    }

    /// <summary>The longest prefix of at most <paramref name="limit"/> bytes that ends on a character boundary.</summary>
    private static int PrefixLength(ReadOnlySpan<byte> utf8, int limit)
    {
        var length = limit;
        while (length > 0 && (utf8[length] & 0xC0) == 0x80)
        {
            length--;
        }
        return length;
    }

    /// <summary>A short string greater than <paramref name="utf8"/>, or null when none exists (all U+10FFFF).</summary>
    private static byte[]? IncrementedPrefix(ReadOnlySpan<byte> utf8)
    {
        var prefix = utf8[..PrefixLength(utf8, MaxLength)];
        while (prefix.Length > 0)
        {
            Rune.DecodeLastFromUtf8(prefix, out var last, out var lastLength);
            var next = last.Value + 1;
            if (next == 0xD800)
            {
                next = 0xE000;
            }
            prefix = prefix[..^lastLength];
            if (next <= 0x10FFFF)
            {
                var bumped = new Rune(next);
                var result = new byte[prefix.Length + bumped.Utf8SequenceLength];
                prefix.CopyTo(result);
                bumped.EncodeToUtf8(result.AsSpan(prefix.Length));
                return result;
            }
        }
        return null;
    }
}
