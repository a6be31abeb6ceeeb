using System.IO.Hashing;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Touchstone.Core.Results;
using Touchstone.Parquet;

namespace Touchstone.Benchmarks.Parquet;

/// <summary>
/// What the integrity checks of issue #20 cost on the 1,000,000-row metrics table (SNAPPY, as a run writes it):
/// writing and reading it without page CRCs, with them (the default: written, and checked on read), and with them
/// plus the SHA-256 of the whole file that cell.json, tables.sha256 and the baselines' .sha256 files record.
/// docs/benchmarks.md has the numbers.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 12)]
public class IntegrityCostBenchmarks
{
    private const int Rows = 1_000_000;
    private static readonly ParquetWriteOptions WithoutCrc = new() { WritePageCrc = false };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "touchstone-bench", $"integrity-{Environment.ProcessId}");
    private List<MetricRow> _rows = [];
    private string _scratch = "";
    private string _plain = "";
    private string _checked = "";
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _rows = MetricRowsSample.Generate(Rows, (r, s, v, seed, p, sp, m, value, step) => new MetricRow(r, s, v, seed, p, sp, m, value, step));
        Directory.CreateDirectory(_folder);
        _scratch = Path.Combine(_folder, "scratch.parquet");
        _plain = Path.Combine(_folder, "without-crc.parquet");
        _checked = Path.Combine(_folder, "with-crc.parquet");
        ParquetRecords.Write(_plain, _rows, WithoutCrc);
        ParquetRecords.Write(_checked, _rows);
        _bytes = File.ReadAllBytes(_checked);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "Write, no page CRC")]
    public void WriteWithoutCrc() => ParquetRecords.Write(_scratch, _rows, WithoutCrc);

    [Benchmark(Description = "Write, page CRCs")]
    public void WriteWithCrc() => ParquetRecords.Write(_scratch, _rows);

    [Benchmark(Description = "Write, page CRCs + SHA-256 of the file")]
    public string WriteWithCrcAndSha256()
    {
        ParquetRecords.Write(_scratch, _rows);
        return Checksums.Sha256Of(_scratch);
    }

    [Benchmark(Description = "Read, no page CRC")]
    public int ReadWithoutCrc() => ParquetRecords.Read<MetricRow>(_plain).Count;

    [Benchmark(Description = "Read, page CRCs checked")]
    public int ReadWithCrc() => ParquetRecords.Read<MetricRow>(_checked).Count;

    [Benchmark(Description = "Read, page CRCs + SHA-256 checked")]
    public int ReadWithCrcAndSha256()
    {
        var rows = ParquetRecords.Read<MetricRow>(_checked).Count;
        return Checksums.Sha256Of(_checked).Length + rows;
    }

    // The checks' own work, without the Parquet coding around them (and so less at the mercy of a loaded machine).
    [Benchmark(Description = "CRC32 of the file's bytes, in memory")]
    public uint Crc32OfFile() => Crc32.HashToUInt32(_bytes);

    [Benchmark(Description = "SHA-256 of the file (Checksums.Sha256Of)")]
    public string Sha256OfFile() => Checksums.Sha256Of(_checked);
}
