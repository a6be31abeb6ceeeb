using System.Security.Cryptography;
using System.Text;

namespace Touchstone.Core.Experiments;

/// <summary>
/// The data hash of a cell: SHA-256 over every named piece of generated data in the order it was added, each
/// name and each piece prefixed by its length so that ("ab", "c") and ("a", "bc") hash apart. Not thread-safe.
/// </summary>
public sealed class DataHasher : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Number of pieces added so far.</summary>
    public int Pieces { get; private set; }

    /// <summary>Adds one named piece.</summary>
    public void Add(string name, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[8];
        var nameBytes = Encoding.UTF8.GetBytes(name);
        BitConverter.TryWriteBytes(length, (long)nameBytes.Length);
        _hash.AppendData(length);
        _hash.AppendData(nameBytes);
        BitConverter.TryWriteBytes(length, (long)bytes.Length);
        _hash.AppendData(length);
        _hash.AppendData(bytes);
        Pieces++;
    }

    /// <summary>The hash of the pieces so far, lower-case hex.</summary>
    public string Current() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();
}
