using System.Text.Json;
using System.Text.Json.Nodes;
using Touchstone.Core.Environment;
using Touchstone.Core.Results;

namespace Touchstone.Core.Verification;

/// <summary>A field of the environment fingerprint that differs between the recording and the re-execution.</summary>
/// <param name="Field">The field as manifest.json names it, e.g. <c>blas_threads</c>.</param>
/// <param name="Recorded">Its recorded value (JSON text; <c>null</c> when the recording lacks it).</param>
/// <param name="Now">Its value in the re-execution.</param>
public sealed record ChangedField(string Field, string Recorded, string Now)
{
    /// <summary><c>blas_threads: 2 → 1</c>.</summary>
    public override string ToString() => $"{Field}: {Recorded} → {Now}";
}

/// <summary>Which fields of two environment fingerprints differ.</summary>
public static class FingerprintComparison
{
    /// <summary>
    /// Every field whose value differs, in the order manifest.json lists them. Every field counts: the fingerprint
    /// holds exactly what a number may depend on (machine, libraries, threads, code), so any change makes a
    /// bitwise comparison meaningless.
    /// </summary>
    public static IReadOnlyList<ChangedField> Changes(EnvironmentFingerprint recorded, EnvironmentFingerprint now)
    {
        var a = Fields(recorded);
        var b = Fields(now);
        return b.Select(p => p.Key).Concat(a.Select(p => p.Key)).Distinct()
            .Select(key => new ChangedField(key, Text(a, key), Text(b, key)))
            .Where(change => change.Recorded != change.Now)
            .ToList();
    }

    /// <summary>The fingerprint a cell row names by hash: the manifest's own or one of its other fingerprints.</summary>
    public static EnvironmentFingerprint? Of(Running.RunManifest manifest, CellRow row) =>
        row.Fingerprint == manifest.FingerprintHash
            ? manifest.Fingerprint
            : manifest.OtherFingerprints.FirstOrDefault(f => FingerprintCollector.Hash(f) == row.Fingerprint);

    private static JsonObject Fields(EnvironmentFingerprint fingerprint) =>
        JsonSerializer.SerializeToNode(fingerprint, ResultsJson.Options)!.AsObject();

    private static string Text(JsonObject fields, string key) =>
        fields.TryGetPropertyValue(key, out var value) && value is not null ? value.ToJsonString() : "null";
}
