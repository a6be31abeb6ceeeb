namespace Touchstone.Parquet.Tests;

/// <summary>Damaged files give <see cref="ParquetFormatException"/>: never another exception, a hang or a huge allocation.</summary>
public class CorruptFileTests
{
    [Fact]
    public void Wrong_magic_at_start_or_end_is_rejected_as_not_parquet()
    {
        var file = SampleFile(ParquetCompression.Snappy, v2: false);
        var badHead = (byte[])file.Clone();
        badHead[0] = (byte)'X';
        var badTail = (byte[])file.Clone();
        badTail[^1] = (byte)'X';

        Assert.Contains("does not start with the PAR1 magic", Open(badHead).Message);
        Assert.Contains("does not end with the PAR1 magic", Open(badTail).Message);
        Assert.Contains("too few", Open([]).Message);
        Assert.Contains("too few", Open("PAR1PAR1"u8.ToArray()).Message);
    }

    [Fact]
    public void Error_names_the_file_when_opened_by_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.parquet");
        File.WriteAllBytes(path, SampleFile(ParquetCompression.Snappy, v2: false)[..100]);
        try
        {
            var error = Assert.Throws<ParquetFormatException>(() => ParquetFileReader.Open(path));
            Assert.Equal(path, error.FilePath);
            Assert.StartsWith(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Corrupt_page_error_names_column_and_row_group()
    {
        var file = SampleFile(ParquetCompression.Snappy, v2: false);
        using var reader = new ParquetFileReader(new MemoryStream(file));
        var chunk = reader.RowGroups[1].Columns[reader.Schema.IndexOf("f64")];
        // Overwrite the compressed bytes after the page header with garbage.
        for (var i = 40; i < chunk.CompressedSize; i++)
        {
            file[chunk.StartOffset + i] = 0xFF;
        }

        using var damaged = new ParquetFileReader(new MemoryStream(file));
        var error = Assert.Throws<ParquetFormatException>(() => damaged.ReadColumn(1, "f64"));

        Assert.Equal("f64", error.Column);
        Assert.Equal(1, error.RowGroup);
        Assert.Contains("column 'f64', row group 1", error.Message);
        // The other columns of the row group are untouched and still readable.
        Assert.Equal(reader.RowGroups[1].RowCount, damaged.ReadColumn(1, "i32").Count);
    }

    [Fact]
    public void Unsupported_codec_names_the_column_and_the_codec()
    {
        var file = SampleFile(ParquetCompression.Uncompressed, v2: false);
        // Patch the footer's codec of the first column chunk from UNCOMPRESSED (0) to ZSTD (6): ColumnMetaData's
        // path_in_schema ["bool"] is followed by field 4 (codec) as header 0x15 and zigzag value 0x00.
        byte[] marker = [4, (byte)'b', (byte)'o', (byte)'o', (byte)'l', 0x15, 0x00];
        var at = IndexOf(file, marker, FooterStart(file));
        Assert.True(at > 0);
        file[at + marker.Length - 1] = 12;

        using var reader = new ParquetFileReader(new MemoryStream(file));
        var error = Assert.Throws<ParquetFormatException>(() => reader.ReadColumn(0, "bool"));

        Assert.Contains("column 'bool'", error.Message);
        Assert.Contains("ZSTD", error.Message);
    }

    [Theory]
    [InlineData(ParquetCompression.Uncompressed, false)]
    [InlineData(ParquetCompression.Snappy, false)]
    [InlineData(ParquetCompression.Gzip, true)]
    public void Every_truncation_is_rejected(ParquetCompression codec, bool v2)
    {
        var file = SampleFile(codec, v2);
        for (var length = 0; length < file.Length; length += 7)
        {
            var outcome = ReadEverything(file[..length]);
            Assert.True(outcome is ParquetFormatException, $"truncated to {length} of {file.Length} bytes: {outcome?.ToString() ?? "read without error"}");
        }
    }

    [Theory]
    [InlineData(ParquetCompression.Uncompressed, false, 1)]
    [InlineData(ParquetCompression.Snappy, false, 2)]
    [InlineData(ParquetCompression.Gzip, false, 3)]
    [InlineData(ParquetCompression.Snappy, true, 4)]
    public void Random_corruption_gives_a_format_error_or_a_clean_read(ParquetCompression codec, bool v2, int seed)
    {
        var file = SampleFile(codec, v2);
        var footerStart = FooterStart(file);
        var random = new Random(seed);
        var failures = new List<string>();
        var rejected = 0;
        for (var trial = 0; trial < 1500; trial++)
        {
            var mutated = (byte[])file.Clone();
            // Half the mutations hit the footer, where a flipped bit changes sizes, offsets and counts.
            var description = Mutate(ref mutated, random, trial % 2 == 0 ? footerStart : 0);
            var outcome = ReadEverything(mutated);
            if (outcome is ParquetFormatException)
            {
                rejected++;
            }
            else if (outcome is not null)
            {
                failures.Add($"trial {trial} ({description}): {outcome.GetType().Name}: {outcome.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        // Most mutations must be caught; a flipped bit inside a PLAIN value legitimately reads as another value.
        Assert.True(rejected > 500, $"only {rejected} of 1500 mutations were rejected");
    }

    /// <summary>Opens the file and reads every column and record; returns the exception, or null on success.</summary>
    private static Exception? ReadEverything(byte[] file)
    {
        var task = Task.Run(() =>
        {
            try
            {
                using var reader = new ParquetFileReader(new MemoryStream(file));
                for (var g = 0; g < reader.RowGroups.Count; g++)
                {
                    reader.ReadRowGroup(g);
                }
                ParquetRecords.Read<Sample>(new MemoryStream(file));
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        });
        // A hang is a failure of its own kind; every loop in the reader is bounded by the bytes it reads.
        return task.Wait(TimeSpan.FromSeconds(20)) ? task.Result : new TimeoutException("reading did not finish in 20 s");
    }

    private static string Mutate(ref byte[] file, Random random, int from)
    {
        var position = random.Next(from, file.Length);
        switch (random.Next(5))
        {
            case 0:
                file[position] ^= (byte)(1 << random.Next(8));
                return $"bit flip at {position}";
            case 1:
                file[position] = (byte)random.Next(256);
                return $"random byte at {position}";
            case 2:
                for (var i = position; i < Math.Min(file.Length, position + 4); i++)
                {
                    file[i] = 0xFF;
                }
                return $"FF run at {position}";
            case 3:
                for (var i = 0; i < 8; i++)
                {
                    file[random.Next(from, file.Length)] ^= (byte)random.Next(1, 256);
                }
                return $"8 random bytes from {from}";
            default:
                var count = random.Next(1, 16);
                file = [.. file[..position], .. file[Math.Min(file.Length, position + count)..]];
                return $"{count} bytes deleted at {position}";
        }
    }

    private static ParquetFormatException Open(byte[] file) =>
        Assert.Throws<ParquetFormatException>(() => new ParquetFileReader(new MemoryStream(file)));

    private static int FooterStart(byte[] file) => file.Length - 8 - BitConverter.ToInt32(file, file.Length - 8);

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        for (var i = from; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }
        return -1;
    }

    private static byte[] SampleFile(ParquetCompression codec, bool v2)
    {
        var (schema, columns) = ColumnRoundTripTests.AllTypes(rows: 600, seed: 9);
        return TestTables.Write(schema, columns,
            new ParquetWriteOptions { Compression = codec, UseDataPageV2 = v2, RowGroupSize = 250, DataPageSize = 512 });
    }

    /// <summary>A record over some of the sample's columns, so the typed path is exercised on damaged files too.</summary>
    private sealed record Sample(int I32, int? I32N, string Str, string? StrN, DateTime TsUs, double? F64N, bool Bool);
}
