using System.Text.Json;
using System.Text.Json.Nodes;
using Touchstone.Core.Environment;
using Touchstone.Core.Results;

namespace Touchstone.Core.Verification;

/// <summary>A field of the environment fingerprint that differs between the recording and the re-execution.</summary>
/// <param name="Field">The field as manifest.json names it, e.g. <c>numerics.blas_threads</c>.</param>
/// <param name="Recorded">Its recorded value (JSON text; <c>null</c> when the recording lacks it).</param>
/// <param name="Now">Its value in the re-execution.</param>
public sealed record ChangedField(string Field, string Recorded, string Now)
{
    /// <summary><c>numerics.blas_threads: 2 → 1</c>.</summary>
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
        return b.Keys.Concat(a.Keys).Distinct()
            .Select(key => new ChangedField(key, a.GetValueOrDefault(key, "null"), b.GetValueOrDefault(key, "null")))
            .Where(change => change.Recorded != change.Now)
            .ToList();
    }

    /// <summary>The fingerprint a cell row names by hash: the manifest's own or one of its other fingerprints.</summary>
    public static EnvironmentFingerprint? Of(Running.RunManifest manifest, CellRow row) =>
        row.Fingerprint == manifest.FingerprintHash
            ? manifest.Fingerprint
            : manifest.OtherFingerprints.FirstOrDefault(f => FingerprintCollector.Hash(f) == row.Fingerprint);

    // Leaf values by dotted path (numerics.blas_threads), so a change names the field itself, not its group.
    private static Dictionary<string, string> Fields(EnvironmentFingerprint fingerprint)
    {
        var fields = new Dictionary<string, string>();
        void Add(string prefix, JsonNode? node)
        {
            if (node is JsonObject group)
            {
                foreach (var (key, value) in group)
                {
                    Add(prefix.Length == 0 ? key : $"{prefix}.{key}", value);
                }
                return;
            }
            fields[prefix] = node?.ToJsonString() ?? "null";
        }
        Add("", JsonSerializer.SerializeToNode(fingerprint, ResultsJson.Options));
        return fields;
    }
}
