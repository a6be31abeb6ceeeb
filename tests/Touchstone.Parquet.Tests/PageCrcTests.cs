using System.IO.Hashing;
using Touchstone.Parquet.Format;
using Touchstone.Parquet.Thrift;

namespace Touchstone.Parquet.Tests;

/// <summary>
/// Every page carries the CRC32 of its stored bytes (parquet.thrift PageHeader.crc), and the reader refuses a
/// page whose bytes no longer match: a flipped bit is an error, never a different number.
/// </summary>
public class PageCrcTests
{
    private static readonly ParquetField Value = new("value", ParquetType.Double);
    private static readonly ParquetField Name = new("name", ParquetType.String, true);

    private static byte[] Sample(bool v2, ParquetCompression compression = ParquetCompression.Uncompressed, bool crc = true)
    {
        var rows = 500;
        var values = Enumerable.Range(0, rows).Select(i => 2.066877 + i).ToArray();
        var names = Enumerable.Range(0, rows).Select(i => i % 7 == 0 ? null! : $"n{i % 5}").ToArray();
        return TestTables.Write(new ParquetSchema(Value, Name),
            [new ParquetColumn<double>(Value, values), new ParquetColumn<string>(Name, names)],
            new ParquetWriteOptions { Compression = compression, UseDataPageV2 = v2, DataPageSize = 1024, WritePageCrc = crc });
    }

    [Fact]
    public void Without_page_crcs_no_header_has_one_and_the_values_read_the_same()
    {
        var without = Sample(v2: false, ParquetCompression.Snappy, crc: false);
        var with = Sample(v2: false, ParquetCompression.Snappy);

        Assert.All(Pages(without), p => Assert.Null(p.Header.Crc));
        Assert.Equal(TestTables.ReadAll(with, out _), TestTables.ReadAll(without, out _));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_page_header_carries_the_crc32_of_the_bytes_after_it(bool v2)
    {
        var file = Sample(v2, ParquetCompression.Snappy);
        var pages = Pages(file).ToList();

        Assert.Contains(pages, p => p.Header.Type == PageType.DictionaryPage);
        Assert.True(pages.Count(p => p.Header.Type is PageType.DataPage or PageType.DataPageV2) > 2);
        Assert.All(pages, p => Assert.Equal(
            Crc32.HashToUInt32(file.AsSpan(p.BodyOffset, p.Header.CompressedPageSize)), unchecked((uint)p.Header.Crc!.Value)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_flipped_byte_in_a_value_page_is_an_error_not_a_changed_value(bool v2)
    {
        var file = Sample(v2);
        // The PLAIN bytes of the value 2.066877 (row 0), as they lie in the first data page.
        var at = file.AsSpan().IndexOf(BitConverter.GetBytes(2.066877));
        Assert.True(at > 0);
        file[at + 1] ^= 0x01;

        using var reader = new ParquetFileReader(new MemoryStream(file));
        var error = Assert.Throws<ParquetFormatException>(() => reader.ReadColumn(0, "value"));

        Assert.Contains("CRC", error.Message);
        Assert.Equal("value", error.Column);
        // The damage is local: the other column still reads.
        Assert.Equal(500, reader.ReadColumn(0, "name").Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_flipped_byte_in_levels_or_dictionary_is_an_error(bool v2)
    {
        foreach (var type in new[] { PageType.DictionaryPage, v2 ? PageType.DataPageV2 : PageType.DataPage })
        {
            var file = Sample(v2);
            var page = Pages(file).First(p => p.Header.Type == type && p.Column == 1);
            // The first byte after the header: the dictionary's first length, or the definition levels.
            file[page.BodyOffset] ^= 0x04;

            using var reader = new ParquetFileReader(new MemoryStream(file));
            var error = Assert.Throws<ParquetFormatException>(() => reader.ReadColumn(0, "name"));
            Assert.Contains("CRC", error.Message);
        }
    }

    private sealed record Page(int Column, PageHeader Header, int BodyOffset);

    /// <summary>Walks the pages of every column chunk of the first row group.</summary>
    private static IEnumerable<Page> Pages(byte[] file)
    {
        using var reader = new ParquetFileReader(new MemoryStream(file));
        var chunks = reader.RowGroups[0].Columns.Select((c, i) => (Column: i, Start: (int)c.StartOffset, End: (int)(c.StartOffset + c.CompressedSize))).ToList();
        foreach (var (column, start, end) in chunks)
        {
            for (var position = start; position < end;)
            {
                var r = new CompactReader(file, position, end - position);
                var header = PageHeader.Read(r);
                yield return new Page(column, header, r.Position);
                position = r.Position + header.CompressedPageSize;
            }
        }
    }
}
