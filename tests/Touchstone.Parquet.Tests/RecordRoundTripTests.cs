using Touchstone.Testing;

namespace Touchstone.Parquet.Tests;

public class RecordRoundTripTests
{
    [Fact]
    public void Metric_rows_round_trip_through_a_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("metrics.parquet");
        var rows = MetricRows.Generate(50_000);

        ParquetRecords.Write(path, rows, new ParquetWriteOptions { RowGroupSize = 12_000 });

        Assert.Equal(rows, ParquetRecords.Read<MetricRow>(path));
    }

    [Fact]
    public void Columns_are_snake_case_in_declaration_order_with_nullability_from_annotations()
    {
        var schema = ParquetRecords.SchemaOf<CellRow>();

        Assert.Equal(
            ["run_id", "suite", "variant", "seed", "profile", "status", "error", "started_at", "duration_s", "config_hash", "data_hash",
                "fingerprint", "device", "git_sha"],
            schema.Select(f => f.Name));
        Assert.Equal(new ParquetField("error", ParquetType.String, IsNullable: true), schema[schema.IndexOf("error")]);
        Assert.Equal(new ParquetField("status", ParquetType.String), schema[schema.IndexOf("status")]);
        Assert.Equal(new ParquetField("started_at", ParquetType.Timestamp), schema[schema.IndexOf("started_at")]);
        Assert.Equal(new ParquetField("seed", ParquetType.Int32), schema[schema.IndexOf("seed")]);
    }

    [Fact]
    public void Every_supported_property_type_round_trips_including_nulls()
    {
        var at = new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1230);
        EveryType[] rows =
        [
            new(true, null, 1, null, long.MaxValue, null, 1.5f, null, double.NaN, null, "a", null, CellStatus.Ok, null, at, null,
                new DateTimeOffset(at), null),
            new(false, true, -1, 7, long.MinValue, 8, -0f, 2.5f, -1e300, 3.25, "ü", "x", CellStatus.NotRun, CellStatus.Diverged,
                DateTime.UnixEpoch, at, new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.FromHours(5)), DateTimeOffset.UnixEpoch),
        ];
        using var stream = new MemoryStream();

        ParquetRecords.Write(stream, rows);
        stream.Position = 0;
        var read = ParquetRecords.Read<EveryType>(stream);

        Assert.Equal(2, read.Count);
        Assert.Equal(rows[1], read[1]);
        Assert.Equal(rows[0] with { Value = 0 }, read[0] with { Value = 0 });
        Assert.True(double.IsNaN(read[0].Value));
        Assert.Equal(DateTimeKind.Utc, read[0].At.Kind);
        Assert.Equal(TimeSpan.Zero, read[1].Offset.Offset);
        Assert.Equal(rows[1].Offset.UtcDateTime, read[1].Offset.UtcDateTime);
    }

    [Fact]
    public void Enum_is_stored_as_snake_case_name_and_parsed_case_insensitively()
    {
        var field = new ParquetField("status", ParquetType.String);
        var file = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<string>(field, ["ok", "NOT_RUN", "Diverged", "NotRun"])]);
        var rows = ParquetRecords.Read<StatusOnly>(new MemoryStream(file));

        Assert.Equal([CellStatus.Ok, CellStatus.NotRun, CellStatus.Diverged, CellStatus.NotRun], rows.Select(r => r.Status));

        using var written = new MemoryStream();
        ParquetRecords.Write(written, [new StatusOnly(CellStatus.NotRun), new StatusOnly(CellStatus.Ok)]);
        using var reader = new ParquetFileReader(new MemoryStream(written.ToArray()));
        Assert.Equal(["not_run", "ok"], TestTables.Values(reader.ReadColumn(0, "status")));
    }

    [Fact]
    public void Unknown_enum_name_is_a_clear_error_naming_column_row_and_members()
    {
        var field = new ParquetField("status", ParquetType.String);
        var file = TestTables.Write(new ParquetSchema(field), [new ParquetColumn<string>(field, ["ok", "exploded"])]);

        var error = Assert.Throws<ParquetFormatException>(() => ParquetRecords.Read<StatusOnly>(new MemoryStream(file)));

        Assert.Contains("'status'", error.Message);
        Assert.Contains("row 1", error.Message);
        Assert.Contains("exploded", error.Message);
        Assert.Contains("ok, failed, diverged, not_run", error.Message);
    }

    [Fact]
    public void Local_DateTime_is_rejected_with_column_and_row()
    {
        var rows = new[] { new TimeOnly(DateTime.UtcNow), new TimeOnly(DateTime.Now) };
        var error = Assert.Throws<ArgumentException>(() => ParquetRecords.Write(new MemoryStream(), rows));
        Assert.Contains("'at'", error.Message);
        Assert.Contains("row 1", error.Message);
        Assert.Contains("Local", error.Message);
    }

    [Fact]
    public void Unspecified_DateTime_is_taken_as_UTC_and_sub_microsecond_ticks_are_dropped()
    {
        var unspecified = new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Unspecified).AddTicks(9);
        using var stream = new MemoryStream();
        ParquetRecords.Write(stream, [new TimeOnly(unspecified)]);
        stream.Position = 0;

        var read = ParquetRecords.Read<TimeOnly>(stream).Single().At;

        Assert.Equal(DateTimeKind.Utc, read.Kind);
        Assert.Equal(unspecified.Ticks - 9, read.Ticks);
    }

    [Fact]
    public void Millisecond_timestamps_can_be_chosen()
    {
        using var stream = new MemoryStream();
        var at = new DateTime(2024, 1, 1, 0, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567);
        ParquetRecords.Write(stream, [new TimeOnly(at)], new ParquetWriteOptions { TimestampUnit = ParquetTimestampUnit.Milliseconds });
        stream.Position = 0;

        using var reader = new ParquetFileReader(stream, leaveOpen: true);
        Assert.Equal(ParquetTimestampUnit.Milliseconds, reader.Schema[0].TimestampUnit);
        stream.Position = 0;
        Assert.Equal(at.AddTicks(-4567), ParquetRecords.Read<TimeOnly>(stream).Single().At);
    }

    [Fact]
    public void Reading_projects_to_the_constructor_parameters()
    {
        using var stream = new MemoryStream();
        ParquetRecords.Write(stream, MetricRows.Generate(100));
        stream.Position = 0;

        var values = ParquetRecords.Read<MetricValue>(stream);

        Assert.Equal(MetricRows.Generate(100).Select(r => new MetricValue(r.Metric, r.Value)), values);
    }

    [Fact]
    public void Missing_column_is_an_error_naming_it_and_the_member_unless_it_has_a_default()
    {
        using var stream = new MemoryStream();
        ParquetRecords.Write(stream, [new MetricValue("loss", 1.0)]);

        stream.Position = 0;
        var error = Assert.Throws<ParquetFormatException>(() => ParquetRecords.Read<MetricWithStep>(stream));
        Assert.Contains("'step'", error.Message);
        Assert.Contains("MetricWithStep.Step", error.Message);

        stream.Position = 0;
        Assert.Equal(new MetricWithDefault("loss", 1.0, -1), ParquetRecords.Read<MetricWithDefault>(stream).Single());
    }

    [Fact]
    public void Incompatible_column_type_is_an_error_naming_it()
    {
        using var stream = new MemoryStream();
        ParquetRecords.Write(stream, [new MetricValue("loss", 1.0)]);
        stream.Position = 0;

        var error = Assert.Throws<ParquetFormatException>(() => ParquetRecords.Read<ValueAsString>(stream));

        Assert.Contains("'value'", error.Message);
        Assert.Contains("Double", error.Message);
        Assert.Contains("ValueAsString.Value", error.Message);
    }

    [Fact]
    public void Null_into_non_nullable_member_is_an_error_naming_column_and_row()
    {
        var field = new ParquetField("metric", ParquetType.String, IsNullable: true);
        var value = new ParquetField("value", ParquetType.Double, IsNullable: true);
        var file = TestTables.Write(new ParquetSchema(field, value),
        [
            new ParquetColumn<string>(field, ["a", "b"]),
            new ParquetColumn<double>(value, [1, 2], [true, false]),
        ]);

        var error = Assert.Throws<ParquetFormatException>(() => ParquetRecords.Read<MetricValue>(new MemoryStream(file)));

        Assert.Contains("'value'", error.Message);
        Assert.Contains("row 1", error.Message);
        Assert.Equal([new NullableMetric("a", 1), new NullableMetric("b", null)], ParquetRecords.Read<NullableMetric>(new MemoryStream(file)));
    }

    [Fact]
    public void Narrower_numeric_columns_widen_into_long_and_double()
    {
        var schema = new ParquetSchema(new ParquetField("metric", ParquetType.String), new ParquetField("value", ParquetType.Float),
            new ParquetField("step", ParquetType.Int32));
        var file = TestTables.Write(schema,
            [new ParquetColumn<string>(schema[0], ["m"]), new ParquetColumn<float>(schema[1], [0.5f]), new ParquetColumn<int>(schema[2], [7])]);

        Assert.Equal(new MetricWithStep("m", 0.5, 7), ParquetRecords.Read<MetricWithStep>(new MemoryStream(file)).Single());
    }

    [Fact]
    public void Key_value_metadata_round_trips()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("m.parquet");
        var metadata = new Dictionary<string, string> { ["touchstone.schema_version"] = "1", ["touchstone.manifest"] = "{\"run\":\"ü\"}" };

        ParquetRecords.Write(path, MetricRows.Generate(3), new ParquetWriteOptions { Metadata = metadata });

        Assert.Equal(metadata, ParquetRecords.ReadMetadata(path));
    }

    [Fact]
    public void Writing_to_a_path_replaces_the_file_only_when_complete()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("metrics.parquet");
        ParquetRecords.Write(path, MetricRows.Generate(10));

        Assert.Throws<ArgumentException>(() => ParquetRecords.Write(path, Failing()));

        Assert.Equal(MetricRows.Generate(10), ParquetRecords.Read<MetricRow>(path));
        Assert.Equal(["metrics.parquet"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));

        static IEnumerable<MetricRow> Failing()
        {
            yield return MetricRows.Generate(1)[0];
            throw new ArgumentException("the producer failed");
        }
    }

    [Fact]
    public void Empty_sequence_writes_a_readable_empty_table()
    {
        using var stream = new MemoryStream();
        ParquetRecords.Write(stream, Array.Empty<CellRow>());
        stream.Position = 0;
        Assert.Empty(ParquetRecords.Read<CellRow>(stream));
    }

    [Fact]
    public void Unsupported_property_type_is_named()
    {
        var error = Assert.Throws<NotSupportedException>(() => ParquetRecords.Write(new MemoryStream(), [new WithGuid(Guid.Empty)]));
        Assert.Contains("WithGuid.Id", error.Message);
    }

    [Fact]
    public void Null_in_non_nullable_string_property_is_rejected_on_write()
    {
        var error = Assert.Throws<ArgumentException>(() => ParquetRecords.Write(new MemoryStream(), [new MetricValue("a", 1), new MetricValue(null!, 2)]));
        Assert.Contains("'metric'", error.Message);
        Assert.Contains("row 1", error.Message);
    }

    public sealed record StatusOnly(CellStatus Status);

    public sealed record TimeOnly(DateTime At);

    public sealed record MetricValue(string Metric, double Value);

    public sealed record NullableMetric(string Metric, double? Value);

    public sealed record MetricWithStep(string Metric, double Value, long Step);

    public sealed record MetricWithDefault(string Metric, double Value, long Step = -1);

    public sealed record ValueAsString(string Metric, string Value);

    public sealed record WithGuid(Guid Id);
}
