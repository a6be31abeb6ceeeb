using Touchstone.Gate.Baselines;
using Touchstone.Gate.Tests.Support;
using Touchstone.Parquet;
using Touchstone.Testing;

namespace Touchstone.Gate.Tests.Baselines;

public sealed class BaselineStoreTests
{
    private static Baseline Sample() =>
        Promotion.Build(new RunFixture().Seeds("a", "test", "mse", 0.5, 0.4).Build(), "toy", [SuiteBuilder.Lower("mse")]);

    [Fact]
    public void Write_then_read_gives_the_same_rows_run_and_fingerprint()
    {
        using var temp = new TempDirectory();
        var store = new BaselineStore(temp.Path);
        var baseline = Sample();
        store.Write(baseline);
        Assert.True(File.Exists(temp.Combine("toy", "smoke.parquet")));
        var back = store.TryRead("toy", "smoke")!;
        Assert.Equal(baseline.Rows, back.Rows);
        Assert.Equal("run-1", back.SourceRunId);
        Assert.Equal(baseline.SourceRunCreatedAt, back.SourceRunCreatedAt);
        Assert.Equal(RunFixture.Environment, back.Fingerprint);
    }

    [Fact]
    public void A_baseline_changed_after_it_was_written_is_refused_naming_its_checksum_file()
    {
        using var temp = new TempDirectory();
        var store = new BaselineStore(temp.Path);
        var baseline = Sample();
        store.Write(baseline);
        var path = temp.Combine("toy", "smoke.parquet");
        Assert.StartsWith(Touchstone.Core.Results.Checksums.Sha256Of(path) + "  smoke.parquet", File.ReadAllText(store.ChecksumPathOf("toy", "smoke")));

        // Every row ×100, written as a valid Parquet file with the same metadata: only the recorded SHA-256 tells.
        var metadata = ParquetRecords.ReadMetadata(path);
        ParquetRecords.Write(path, baseline.Rows.Select(r => r with { Value = r.Value * 100 }).ToList(),
            new ParquetWriteOptions { Metadata = metadata.ToDictionary() });

        var error = Assert.Throws<GateInputException>(() => store.TryRead("toy", "smoke"));
        Assert.Contains(path, error.Message);
        Assert.Contains("smoke.parquet.sha256 records", error.Message);
        Assert.Contains("promote", error.Message);
    }

    [Fact]
    public void File_metadata_names_the_source_run()
    {
        using var temp = new TempDirectory();
        new BaselineStore(temp.Path).Write(Sample());
        var metadata = ParquetRecords.ReadMetadata(temp.Combine("toy", "smoke.parquet"));
        Assert.Equal("run-1", metadata[BaselineStore.SourceRunKey]);
        Assert.Equal("2025-01-01T00:00:00.0000000Z", metadata[BaselineStore.SourceRunCreatedKey]);
        Assert.Contains("\"libtorch_version\":\"1.13.1\"", metadata[BaselineStore.FingerprintKey]);
    }

    [Fact]
    public void Writing_the_same_baseline_twice_gives_identical_bytes()
    {
        using var temp = new TempDirectory();
        var store = new BaselineStore(temp.Path);
        store.Write(Sample());
        var first = File.ReadAllBytes(temp.Combine("toy", "smoke.parquet"));
        store.Write(Sample());
        Assert.Equal(first, File.ReadAllBytes(temp.Combine("toy", "smoke.parquet")));
    }

    [Fact]
    public void Absent_baseline_reads_as_null()
    {
        using var temp = new TempDirectory();
        Assert.Null(new BaselineStore(temp.Path).TryRead("toy", "smoke"));
    }

    [Fact]
    public void Unreadable_baseline_names_the_file_and_says_how_to_recover()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("toy"));
        File.WriteAllText(temp.Combine("toy", "smoke.parquet"), "not parquet");
        var error = Assert.Throws<GateInputException>(() => new BaselineStore(temp.Path).TryRead("toy", "smoke"));
        Assert.StartsWith($"baseline {temp.Combine("toy", "smoke.parquet")} cannot be read:", error.Message);
        Assert.Contains("touchstone promote --run <dir> --suite toy", error.Message);
    }

    [Fact]
    public void Baseline_file_is_plain_parquet_that_duckdb_reads_with_the_documented_columns()
    {
        using var temp = new TempDirectory();
        new BaselineStore(temp.Path).Write(Sample());
        var path = temp.Combine("toy", "smoke.parquet");
        var result = DuckDb.Query($"SELECT * FROM read_parquet({DuckDb.Literal(path)}) ORDER BY seed");
        Assert.Equal(
            ["suite", "profile", "variant", "split", "metric", "seed", "value", "config_hash", "data_hash", "fingerprint", "device_kind", "libtorch_version", "run_id"],
            result.Columns);
        Assert.Equal([0.5, 0.4], result.Rows.Select(r => r[6].GetDouble()));
        var metadata = DuckDb.Query($"SELECT decode(value) FROM parquet_kv_metadata({DuckDb.Literal(path)}) WHERE decode(key) = '{BaselineStore.SourceRunKey}'");
        Assert.Equal("run-1", Assert.Single(metadata.Rows)[0].GetString());
    }
}
