using System.Collections;

namespace Touchstone.Parquet;

/// <summary>A flat schema: an ordered list of uniquely named columns.</summary>
public sealed class ParquetSchema : IReadOnlyList<ParquetField>
{
    private readonly ParquetField[] _fields;
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>Creates a schema; names must be non-empty, unique and valid UTF-8.</summary>
    public ParquetSchema(IEnumerable<ParquetField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = fields.ToArray();
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _fields.Length; i++)
        {
            var field = _fields[i] ?? throw new ArgumentException($"schema field {i} is null", nameof(fields));
            if (string.IsNullOrEmpty(field.Name) || !Utf8.IsValid(field.Name))
            {
                throw new ArgumentException($"schema field {i} has an empty or invalid name", nameof(fields));
            }
            if (!Enum.IsDefined(field.Type) || !Enum.IsDefined(field.TimestampUnit))
            {
                throw new ArgumentException($"schema field '{field.Name}' has an unknown type", nameof(fields));
            }
            if (!_indexByName.TryAdd(field.Name, i))
            {
                throw new ArgumentException($"schema has two columns named '{field.Name}'", nameof(fields));
            }
        }
    }

    /// <summary>Creates a schema from the given fields.</summary>
    public ParquetSchema(params ParquetField[] fields)
        : this((IEnumerable<ParquetField>)fields)
    {
    }

    /// <inheritdoc />
    public int Count => _fields.Length;

    /// <inheritdoc />
    public ParquetField this[int index] => _fields[index];

    /// <summary>The index of the column called <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _indexByName.GetValueOrDefault(name, -1);

    /// <inheritdoc />
    public IEnumerator<ParquetField> GetEnumerator() => ((IEnumerable<ParquetField>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", _fields.Select(f => f.ToString()));
}
