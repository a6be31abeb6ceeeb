using Touchstone.Parquet.Format;

namespace Touchstone.Parquet.Writing;

/// <summary>PLAIN encoding of BOOLEAN: one bit per value, least significant bit first.</summary>
internal sealed class BooleanValueWriter(ParquetColumn<bool> column) : ValueWriter
{
    private readonly bool[] _values = column.Values;
    private readonly bool[]? _defined = column.Defined;
    private bool _sawFalse, _sawTrue;

    public override Encoding PageEncoding => Encoding.Plain;

    public override bool IsDefined(int row) => _defined is null || _defined[row];

    public override int EncodePage(int start, int end, int pageSize, ByteBuffer output)
    {
        var capacity = (int)Math.Min(int.MaxValue - 7, (long)pageSize * 8);
        var span = output.GetSpan((capacity + 7) / 8);
        var written = 0;
        var stop = start;
        byte current = 0;
        for (; stop < end && written < capacity; stop++)
        {
            if (_defined is not null && !_defined[stop])
            {
                continue;
            }
            var value = _values[stop];
            _sawTrue |= value;
            _sawFalse |= !value;
            if (value)
            {
                current |= (byte)(1 << (written & 7));
            }
            written++;
            if ((written & 7) == 0)
            {
                span[(written >> 3) - 1] = current;
                current = 0;
            }
        }
        if ((written & 7) != 0)
        {
            span[written >> 3] = current;
        }
        output.Advance((written + 7) / 8);
        return stop;
    }

    public override Statistics Statistics(long nullCount)
    {
        var stats = new Statistics { NullCount = nullCount };
        if (_sawFalse || _sawTrue)
        {
            stats.MinValue = stats.Min = [_sawFalse ? (byte)0 : (byte)1];
            stats.MaxValue = stats.Max = [_sawTrue ? (byte)1 : (byte)0];
        }
        return stats;
    }
}
