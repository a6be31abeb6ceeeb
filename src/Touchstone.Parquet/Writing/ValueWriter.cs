using Touchstone.Parquet.Format;

namespace Touchstone.Parquet.Writing;

/// <summary>
/// Encodes the values of one column chunk (the rows <c>[start, end)</c> of a column) page by page, and collects
/// the chunk's statistics while doing so.
/// </summary>
internal abstract class ValueWriter : IDisposable
{
    /// <summary>The encoding of the data pages.</summary>
    public abstract Encoding PageEncoding { get; }

    /// <summary>The number of dictionary entries, or 0 when the chunk is not dictionary-encoded.</summary>
    public virtual int DictionaryCount => 0;

    /// <summary>Writes the PLAIN-encoded dictionary; only called when <see cref="DictionaryCount"/> is positive.</summary>
    public virtual void WriteDictionary(ByteBuffer output) => throw new InvalidOperationException("no dictionary");

    /// <summary>
    /// Encodes the non-null values of rows from <paramref name="start"/> on (but before <paramref name="end"/>)
    /// until about <paramref name="pageSize"/> bytes are written; returns the first row not encoded.
    /// </summary>
    public abstract int EncodePage(int start, int end, int pageSize, ByteBuffer output);

    /// <summary>The statistics of the whole chunk, once every page is encoded.</summary>
    public abstract Statistics Statistics(long nullCount);

    /// <summary>Whether row <paramref name="row"/> has a value (rows of required columns always do).</summary>
    public abstract bool IsDefined(int row);

    /// <summary>Returns pooled buffers.</summary>
    public virtual void Dispose()
    {
    }

    /// <summary>Creates the encoder for a column's rows <c>[start, start + count)</c>.</summary>
    public static ValueWriter Create(ParquetColumn column, int start, int count, ParquetWriteOptions options) =>
        column switch
        {
            ParquetColumn<string> strings => StringValueWriter.Create(strings, start, count, options),
            ParquetColumn<bool> booleans => new BooleanValueWriter(booleans),
            ParquetColumn<int> ints => new FixedWidthValueWriter<int>(ints),
            ParquetColumn<long> longs => new FixedWidthValueWriter<long>(longs),
            ParquetColumn<float> floats => new FixedWidthValueWriter<float>(floats),
            ParquetColumn<double> doubles => new FixedWidthValueWriter<double>(doubles),
            _ => throw new ArgumentException($"column '{column.Field.Name}' has an unsupported value type"),
        };
}
