using System.Globalization;
using System.Text.Json;
using Touchstone.Core.Environment;
using Touchstone.Core.Results;
using Touchstone.Parquet;

namespace Touchstone.Gate.Baselines;

/// <summary>
/// The baselines folder: <c>&lt;root&gt;/&lt;suite&gt;/&lt;profile&gt;.parquet</c>, per-seed rows plus key-value metadata
/// naming the source run and its full environment fingerprint, and <c>&lt;profile&gt;.parquet.sha256</c> beside it
/// with the file's SHA-256, checked whenever the baseline is read. Files are replaced atomically.
/// </summary>
/// <param name="root">The baselines folder, e.g. <c>results/baselines</c>.</param>
public sealed class BaselineStore(string root)
{
    /// <summary>Metadata key: layout version of the baseline file.</summary>
    public const string SchemaKey = "touchstone.baseline.schema";

    /// <summary>Metadata key: id of the promoted run.</summary>
    public const string SourceRunKey = "touchstone.baseline.source_run";

    /// <summary>Metadata key: creation time of the promoted run (ISO 8601, UTC).</summary>
    public const string SourceRunCreatedKey = "touchstone.baseline.source_run_created_at";

    /// <summary>Metadata key: the environment fingerprint of the promoted run, as JSON.</summary>
    public const string FingerprintKey = "touchstone.baseline.fingerprint";

    private const string Schema = "1";

    private static readonly JsonSerializerOptions FingerprintJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The baselines folder.</summary>
    public string Root => root;

    /// <summary>Where the baseline of <paramref name="suite"/> and <paramref name="profile"/> lives.</summary>
    public string PathOf(string suite, string profile) => Path.Combine(root, suite, profile + ".parquet");

    /// <summary>Where the SHA-256 of a baseline file is kept (<c>sha256sum</c> format), beside it.</summary>
    public string ChecksumPathOf(string suite, string profile) => PathOf(suite, profile) + ".sha256";

    /// <summary>Reads a baseline, checking it against its SHA-256 file when there is one; null when there is no file.</summary>
    /// <exception cref="GateInputException">The file exists but cannot be read.</exception>
    public Baseline? TryRead(string suite, string profile)
    {
        var path = PathOf(suite, profile);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var rows = ParquetRecords.Read<BaselineRow>(path);
            Checksums.Verify(ChecksumPathOf(suite, profile), path);
            var metadata = ParquetRecords.ReadMetadata(path);
            var created = metadata.TryGetValue(SourceRunCreatedKey, out var text)
                && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : default;
            var fingerprint = metadata.TryGetValue(FingerprintKey, out var json)
                ? JsonSerializer.Deserialize<EnvironmentFingerprint>(json, FingerprintJson)
                : null;
            var runId = metadata.GetValueOrDefault(SourceRunKey) ?? rows.FirstOrDefault()?.RunId ?? "unknown";
            return new Baseline(suite, profile, runId, created, fingerprint, rows);
        }
        catch (Exception e) when (e is ParquetFormatException or IOException or InvalidOperationException or ArgumentException or FormatException or JsonException)
        {
            throw new GateInputException(
                $"baseline {path} cannot be read: {e.Message} Restore it from git (git checkout -- {path}) or promote a run again (touchstone promote --run <dir> --suite {suite}).",
                e);
        }
    }

    /// <summary>Writes (or replaces) a baseline file atomically.</summary>
    public void Write(Baseline baseline)
    {
        var path = PathOf(baseline.Suite, baseline.Profile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var metadata = new Dictionary<string, string>
        {
            [SchemaKey] = Schema,
            [SourceRunKey] = baseline.SourceRunId,
            [SourceRunCreatedKey] = baseline.SourceRunCreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
        if (baseline.Fingerprint is { } fingerprint)
        {
            metadata[FingerprintKey] = JsonSerializer.Serialize(fingerprint, FingerprintJson);
        }
        ParquetRecords.Write(path, baseline.Rows, new ParquetWriteOptions { Metadata = metadata });
        Checksums.Write(ChecksumPathOf(baseline.Suite, baseline.Profile), [path]);
    }
}
