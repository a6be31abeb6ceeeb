using System.Buffers;
using System.Buffers.Binary;

namespace Touchstone.Parquet.Writing;

/// <summary>A growable byte buffer on pooled arrays, so building pages does not allocate per page.</summary>
internal sealed class ByteBuffer : IDisposable
{
    private byte[] _array;

    public ByteBuffer(int initialCapacity = 4096)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 16));
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, Length);

    public void Clear() => Length = 0;

    /// <summary>A writable span of at least <paramref name="size"/> bytes at the end; call <see cref="Advance"/> after.</summary>
    public Span<byte> GetSpan(int size)
    {
        EnsureCapacity(Length + size);
        return _array.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void WriteByte(byte value)
    {
        EnsureCapacity(Length + 1);
        _array[Length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Length += bytes.Length;
    }

    public void WriteInt32LittleEndian(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);
        Length += 4;
    }

    /// <summary>Writes an unsigned LEB128 varint.</summary>
    public void WriteVarint(ulong value)
    {
        var span = GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        Length += i;
    }

    /// <summary>Overwrites four bytes already written at <paramref name="position"/>.</summary>
    public void PatchInt32LittleEndian(int position, int value) =>
        BinaryPrimitives.WriteInt32LittleEndian(_array.AsSpan(position, 4), value);

    private void EnsureCapacity(int needed)
    {
        if (needed <= _array.Length)
        {
            return;
        }
        if (needed < 0)
        {
            throw new InvalidOperationException("A Parquet page or footer cannot exceed 2 GiB.");
        }
        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max((long)_array.Length * 2, needed), Array.MaxLength));
        _array.AsSpan(0, Length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_array);
        _array = grown;
    }

    public void Dispose()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
        }
    }
}
