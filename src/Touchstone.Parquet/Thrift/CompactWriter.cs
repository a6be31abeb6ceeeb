using Touchstone.Parquet.Writing;

namespace Touchstone.Parquet.Thrift;

/// <summary>
/// Writes Thrift structs in the compact protocol: field headers carry the id delta and type in one byte, integers
/// are zigzag varints, lists carry a size-and-type header. Callers write fields in increasing id order.
/// </summary>
internal sealed class CompactWriter(ByteBuffer output)
{
    private readonly Stack<short> _outerFieldIds = new();
    private short _lastFieldId;

    public void BeginStruct()
    {
        _outerFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct()
    {
        output.WriteByte((byte)CompactType.Stop);
        _lastFieldId = _outerFieldIds.Pop();
    }

    public void WriteI32(short id, int value)
    {
        FieldHeader(id, CompactType.I32);
        WriteI32Value(value);
    }

    public void WriteI64(short id, long value)
    {
        FieldHeader(id, CompactType.I64);
        WriteI64Value(value);
    }

    public void WriteI16(short id, short value)
    {
        FieldHeader(id, CompactType.I16);
        WriteI32Value(value);
    }

    public void WriteOptionalI32(short id, int? value)
    {
        if (value is { } v)
        {
            WriteI32(id, v);
        }
    }

    public void WriteOptionalI64(short id, long? value)
    {
        if (value is { } v)
        {
            WriteI64(id, v);
        }
    }

    public void WriteOptionalBool(short id, bool? value)
    {
        if (value is { } v)
        {
            WriteBool(id, v);
        }
    }

    public void WriteOptionalBinary(short id, byte[]? value)
    {
        if (value is not null)
        {
            WriteBinary(id, value);
        }
    }

    public void WriteBool(short id, bool value) =>
        FieldHeader(id, value ? CompactType.BooleanTrue : CompactType.BooleanFalse);

    public void WriteBinary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, CompactType.Binary);
        WriteBinaryValue(value);
    }

    public void WriteString(short id, string value)
    {
        FieldHeader(id, CompactType.Binary);
        WriteStringValue(value);
    }

    /// <summary>Starts a struct-typed field; finish it with <see cref="EndStruct"/>.</summary>
    public void BeginStructField(short id)
    {
        FieldHeader(id, CompactType.Struct);
        BeginStruct();
    }

    /// <summary>Writes an empty struct field, as used by Thrift unions of marker structs.</summary>
    public void WriteEmptyStructField(short id)
    {
        BeginStructField(id);
        EndStruct();
    }

    /// <summary>Starts a list field of <paramref name="count"/> elements; write the elements with the *Value methods.</summary>
    public void BeginListField(short id, CompactType elementType, int count)
    {
        FieldHeader(id, CompactType.List);
        if (count < 15)
        {
            output.WriteByte((byte)((count << 4) | (byte)elementType));
        }
        else
        {
            output.WriteByte((byte)(0xF0 | (byte)elementType));
            output.WriteVarint((uint)count);
        }
    }

    public void WriteI32Value(int value) => output.WriteVarint((uint)((value << 1) ^ (value >> 31)));

    public void WriteI64Value(long value) => output.WriteVarint((ulong)((value << 1) ^ (value >> 63)));

    public void WriteBinaryValue(ReadOnlySpan<byte> value)
    {
        output.WriteVarint((uint)value.Length);
        output.Write(value);
    }

    public void WriteStringValue(string value)
    {
        var length = Utf8.Strict.GetByteCount(value);
        output.WriteVarint((uint)length);
        output.Advance(Utf8.Strict.GetBytes(value, output.GetSpan(length)));
    }

    private void FieldHeader(short id, CompactType type)
    {
        var delta = id - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            output.WriteByte((byte)((delta << 4) | (byte)type));
        }
        else
        {
            output.WriteByte((byte)type);
            WriteI32Value(id);
        }
        _lastFieldId = id;
    }
}
