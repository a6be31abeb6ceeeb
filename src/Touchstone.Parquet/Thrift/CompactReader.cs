using System.Buffers.Binary;

namespace Touchstone.Parquet.Thrift;

/// <summary>
/// Reads Thrift structs in the compact protocol from a bounded buffer. Every length and list size is checked
/// against the bytes that remain, nesting is limited, and unknown fields are skipped, so a corrupt or hostile
/// footer gives a <see cref="ParquetFormatException"/> rather than a huge allocation or a stack overflow.
/// </summary>
internal sealed class CompactReader
{
    /// <summary>Parquet's metadata nests about six structs deep; anything far beyond that is corrupt.</summary>
    public const int MaxDepth = 32;

    private readonly byte[] _buffer;
    private readonly int _end;
    private readonly Stack<short> _outerFieldIds = new();
    private short _lastFieldId;
    private CompactType _pendingBool;

    public CompactReader(byte[] buffer, int offset, int count)
    {
        _buffer = buffer;
        Position = offset;
        _end = offset + count;
    }

    /// <summary>The offset of the next unread byte in the buffer.</summary>
    public int Position { get; private set; }

    public int Remaining => _end - Position;

    public void BeginStruct()
    {
        if (_outerFieldIds.Count >= MaxDepth)
        {
            throw new ParquetFormatException($"metadata nests deeper than {MaxDepth} levels; the footer is corrupt");
        }
        _outerFieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    public void EndStruct() => _lastFieldId = _outerFieldIds.Pop();

    /// <summary>Reads the next field header; false at the stop byte that ends the struct.</summary>
    public bool NextField(out short id, out CompactType type)
    {
        var header = ReadByte();
        type = (CompactType)(header & 0x0F);
        if (type == CompactType.Stop)
        {
            id = 0;
            return false;
        }
        if (type > CompactType.Uuid)
        {
            throw new ParquetFormatException($"unknown Thrift field type {(int)type} in metadata; the footer is corrupt");
        }
        var delta = header >> 4;
        var fieldId = delta != 0 ? _lastFieldId + delta : ReadI32Value();
        if (fieldId is < short.MinValue or > short.MaxValue)
        {
            throw new ParquetFormatException($"Thrift field id {fieldId} is out of range; the footer is corrupt");
        }
        id = (short)fieldId;
        _lastFieldId = id;
        _pendingBool = type;
        return true;
    }

    /// <summary>Checks that the field just read has the wire type its id requires.</summary>
    public void Expect(CompactType actual, CompactType expected, string field)
    {
        var matches = expected == CompactType.BooleanTrue
            ? actual is CompactType.BooleanTrue or CompactType.BooleanFalse
            : actual == expected;
        if (!matches)
        {
            throw new ParquetFormatException($"metadata field {field} has Thrift type {actual}, expected {expected}");
        }
    }

    /// <summary>The value of a boolean field, which the compact protocol stores in its header.</summary>
    public bool ReadBoolField() => _pendingBool == CompactType.BooleanTrue;

    public int ReadI32()
    {
        var zigzag = ReadVarint(5);
        if (zigzag > uint.MaxValue)
        {
            throw new ParquetFormatException("a 32-bit integer in the metadata does not fit 32 bits; the footer is corrupt");
        }
        var value = (uint)zigzag;
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    public long ReadI64()
    {
        var value = ReadVarint(10);
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    public sbyte ReadI8() => (sbyte)ReadByte();

    public double ReadDouble()
    {
        var span = Take(8);
        return BinaryPrimitives.ReadDoubleLittleEndian(span);
    }

    public byte[] ReadBinary() => Take(ReadLength()).ToArray();

    public string ReadString()
    {
        var bytes = Take(ReadLength());
        try
        {
            return Utf8.Strict.GetString(bytes);
        }
        catch (ArgumentException e)
        {
            throw new ParquetFormatException("a string in the metadata is not valid UTF-8", e);
        }
    }

    /// <summary>Reads a list header; the size is checked against the bytes left (every element takes at least one).</summary>
    public int ReadListHeader(out CompactType elementType)
    {
        var header = ReadByte();
        elementType = (CompactType)(header & 0x0F);
        var size = header >> 4;
        var count = size == 15 ? (long)ReadVarint(5) : size;
        if (count > Remaining)
        {
            throw new ParquetFormatException(
                $"a metadata list claims {count} elements but only {Remaining} bytes remain; the footer is corrupt");
        }
        return (int)count;
    }

    /// <summary>An element of a list of booleans: one byte, 1 for true.</summary>
    public bool ReadBoolElement() => ReadByte() == 1;

    /// <summary>Reads a list whose elements all have <paramref name="expected"/> type.</summary>
    public List<T> ReadList<T>(CompactType expected, string field, Func<CompactReader, T> readElement)
    {
        var count = ReadListHeader(out var elementType);
        if (count > 0 && elementType != expected &&
            !(expected == CompactType.BooleanTrue && elementType == CompactType.BooleanFalse))
        {
            throw new ParquetFormatException($"metadata list {field} has elements of Thrift type {elementType}, expected {expected}");
        }
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(readElement(this));
        }
        return list;
    }

    /// <summary>
    /// Reads a struct: <paramref name="readField"/> gets each field's id and wire type and returns false for
    /// fields it does not know, which are skipped (files from newer writers carry fields this reader predates).
    /// </summary>
    public void ReadStruct(Func<short, CompactType, bool> readField)
    {
        BeginStruct();
        while (NextField(out var id, out var type))
        {
            if (!readField(id, type))
            {
                Skip(type);
            }
        }
        EndStruct();
    }

    /// <summary>The value of an i32 field, after checking its wire type.</summary>
    public int I32(CompactType type, string field)
    {
        Expect(type, CompactType.I32, field);
        return ReadI32();
    }

    /// <summary>The value of an i64 field, after checking its wire type.</summary>
    public long I64(CompactType type, string field)
    {
        Expect(type, CompactType.I64, field);
        return ReadI64();
    }

    /// <summary>The value of a bool field, after checking its wire type.</summary>
    public bool Bool(CompactType type, string field)
    {
        Expect(type, CompactType.BooleanTrue, field);
        return ReadBoolField();
    }

    /// <summary>The value of a binary field, after checking its wire type.</summary>
    public byte[] Binary(CompactType type, string field)
    {
        Expect(type, CompactType.Binary, field);
        return ReadBinary();
    }

    /// <summary>The value of a string field, after checking its wire type.</summary>
    public string String(CompactType type, string field)
    {
        Expect(type, CompactType.Binary, field);
        return ReadString();
    }

    /// <summary>The value of a struct field, after checking its wire type.</summary>
    public T Struct<T>(CompactType type, string field, Func<CompactReader, T> read)
    {
        Expect(type, CompactType.Struct, field);
        return read(this);
    }

    /// <summary>The value of a list field, after checking its wire type and its elements'.</summary>
    public List<T> List<T>(CompactType type, CompactType elementType, string field, Func<CompactReader, T> readElement)
    {
        Expect(type, CompactType.List, field);
        return ReadList(elementType, field, readElement);
    }

    /// <summary>Skips a value of the given type, including nested structs and containers, for unknown fields.</summary>
    public void Skip(CompactType type) => Skip(type, _outerFieldIds.Count);

    private void Skip(CompactType type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ParquetFormatException($"metadata nests deeper than {MaxDepth} levels; the footer is corrupt");
        }
        switch (type)
        {
            case CompactType.BooleanTrue:
            case CompactType.BooleanFalse:
                // A boolean field has its value in the header; a boolean element is one byte (handled by callers).
                break;
            case CompactType.Byte:
                Take(1);
                break;
            case CompactType.I16:
            case CompactType.I32:
            case CompactType.I64:
                ReadVarint(10);
                break;
            case CompactType.Double:
                Take(8);
                break;
            case CompactType.Binary:
                Take(ReadLength());
                break;
            case CompactType.Uuid:
                Take(16);
                break;
            case CompactType.List:
            case CompactType.Set:
                var count = ReadListHeader(out var elementType);
                for (var i = 0; i < count; i++)
                {
                    SkipElement(elementType, depth + 1);
                }
                break;
            case CompactType.Map:
                var entries = ReadVarint(5);
                if (entries == 0)
                {
                    break;
                }
                if (entries * 2 > (ulong)Remaining)
                {
                    throw new ParquetFormatException("a metadata map claims more entries than bytes remain; the footer is corrupt");
                }
                var kinds = ReadByte();
                for (ulong i = 0; i < entries; i++)
                {
                    SkipElement((CompactType)(kinds >> 4), depth + 1);
                    SkipElement((CompactType)(kinds & 0x0F), depth + 1);
                }
                break;
            case CompactType.Struct:
                BeginStruct();
                while (NextField(out _, out var fieldType))
                {
                    Skip(fieldType, depth + 1);
                }
                EndStruct();
                break;
            default:
                throw new ParquetFormatException($"unknown Thrift type {(int)type} in metadata; the footer is corrupt");
        }
    }

    private void SkipElement(CompactType type, int depth)
    {
        if (type is CompactType.BooleanTrue or CompactType.BooleanFalse)
        {
            Take(1);
        }
        else
        {
            Skip(type, depth);
        }
    }

    private int ReadLength()
    {
        var length = ReadVarint(5);
        if (length > (ulong)Remaining)
        {
            throw new ParquetFormatException(
                $"a metadata string claims {length} bytes but only {Remaining} remain; the footer is truncated or corrupt");
        }
        return (int)length;
    }

    private int ReadI32Value()
    {
        var value = (uint)ReadVarint(5);
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    private byte ReadByte()
    {
        if (Position >= _end)
        {
            throw new ParquetFormatException("metadata ends in the middle of a value; the footer is truncated or corrupt");
        }
        return _buffer[Position++];
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new ParquetFormatException("metadata ends in the middle of a value; the footer is truncated or corrupt");
        }
        var span = _buffer.AsSpan(Position, count);
        Position += count;
        return span;
    }

    private ulong ReadVarint(int maxBytes)
    {
        ulong result = 0;
        for (var i = 0; i < maxBytes; i++)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw new ParquetFormatException("a varint in the metadata is too long; the footer is corrupt");
    }
}
