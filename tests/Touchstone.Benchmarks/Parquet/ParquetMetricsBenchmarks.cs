using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Touchstone.Core.Results;
using Touchstone.Parquet;

namespace Touchstone.Benchmarks.Parquet;

/// <summary>
/// Writing and reading 1,000,000 rows of Touchstone's metrics schema with SNAPPY, through the typed API and the
/// column API. ci/bench-parquet.sh runs this, then DuckDB on the same rows (tests/tools/duckdb-bench.mjs).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ParquetMetricsBenchmarks
{
    private const int Rows = 1_000_000;
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "touchstone-bench", $"scratch-{Environment.ProcessId}.parquet");
    private List<MetricRow> _rows = [];
    private ParquetColumn[] _columns = [];
    private ParquetSchema _schema = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rows = MetricRowsSample.Generate(Rows, (r, s, v, seed, p, sp, m, value, step) => new MetricRow(r, s, v, seed, p, sp, m, value, step));
        Directory.CreateDirectory(Path.GetDirectoryName(MetricRowsSample.SharedFile)!);
        ParquetRecords.Write(MetricRowsSample.SharedFile, _rows);
        _schema = ParquetRecords.SchemaOf<MetricRow>();
        using var reader = ParquetFileReader.Open(MetricRowsSample.SharedFile);
        _columns = Concatenate(reader);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_scratch);

    [Benchmark(Description = "Write records (ParquetRecords.Write, SNAPPY)")]
    public void WriteRecords() => ParquetRecords.Write(_scratch, _rows);

    [Benchmark(Description = "Write columns (ParquetFileWriter.WriteTable, SNAPPY)")]
    public void WriteColumns()
    {
        using var writer = new ParquetFileWriter(File.Create(_scratch), _schema);
        writer.WriteTable(_columns);
        writer.Complete();
    }

    [Benchmark(Description = "Read records (ParquetRecords.Read<MetricRow>)")]
    public int ReadRecords() => ParquetRecords.Read<MetricRow>(MetricRowsSample.SharedFile).Count;

    [Benchmark(Description = "Read columns (every column of every row group)")]
    public int ReadColumns()
    {
        using var reader = ParquetFileReader.Open(MetricRowsSample.SharedFile);
        var rows = 0;
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            rows += reader.ReadRowGroup(g)[0].Count;
        }
        return rows;
    }

    /// <summary>The whole file as one column per field (to time the column writer without record extraction).</summary>
    private static ParquetColumn[] Concatenate(ParquetFileReader reader)
    {
        var parts = Enumerable.Range(0, reader.RowGroups.Count).Select(g => reader.ReadRowGroup(g)).ToList();
        return Enumerable.Range(0, reader.Schema.Count).Select(c => Join(parts.Select(p => p[c]).ToList())).ToArray();
    }

    private static ParquetColumn Join(List<ParquetColumn> parts) => parts[0] switch
    {
        ParquetColumn<string> => Join<string>(parts),
        ParquetColumn<int> => Join<int>(parts),
        ParquetColumn<long> => Join<long>(parts),
        ParquetColumn<double> => Join<double>(parts),
        _ => throw new NotSupportedException(parts[0].Field.ToString()),
    };

    private static ParquetColumn Join<T>(List<ParquetColumn> parts) =>
        new ParquetColumn<T>(parts[0].Field, parts.Cast<ParquetColumn<T>>().SelectMany(p => p.Values.Take(p.Count)).ToArray());
}
