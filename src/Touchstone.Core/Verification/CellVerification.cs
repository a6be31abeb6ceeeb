using Touchstone.Core.Experiments;

namespace Touchstone.Core.Verification;

/// <summary>What re-executing a recorded cell showed.</summary>
public enum VerifyVerdict
{
    /// <summary>Every final metric and curve point has the recorded bits.</summary>
    Identical,

    /// <summary>In the same environment, some value (or the cell's status or data) differs: the cell is not reproducible.</summary>
    Differs,

    /// <summary>The environment differs (other CPU, libtorch, threads, code…): differences are reported, not failed.</summary>
    NotComparable,

    /// <summary>The re-execution could not be made or did not commit the cell.</summary>
    Failed,
}

/// <summary>One re-executed cell: its verdict and the evidence for it.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Values">The bitwise comparison of its values, or null when there was nothing to compare.</param>
/// <param name="Changed">Fingerprint fields (and config hash) that differ between recording and re-execution.</param>
/// <param name="Notes">Other findings: a status or data hash that changed, why a re-execution failed, operations
/// without a deterministic kernel.</param>
public sealed record CellVerification(
    CellId Cell,
    VerifyVerdict Verdict,
    ValueComparison? Values,
    IReadOnlyList<ChangedField> Changed,
    IReadOnlyList<string> Notes)
{
    /// <summary>Whether this cell makes verify fail (exit 1).</summary>
    public bool Fails => Verdict is VerifyVerdict.Differs or VerifyVerdict.Failed;

    /// <summary>
    /// The verdict from the evidence: a changed environment makes the cell not comparable whatever its values;
    /// otherwise any differing value, status or data hash (a note) makes it differ.
    /// </summary>
    public static CellVerification Decide(CellId cell, ValueComparison values, IReadOnlyList<ChangedField> changed, IReadOnlyList<string> differences, IReadOnlyList<string> notes)
    {
        var verdict = changed.Count > 0 ? VerifyVerdict.NotComparable
            : values.Identical && differences.Count == 0 ? VerifyVerdict.Identical
            : VerifyVerdict.Differs;
        return new CellVerification(cell, verdict, values, changed, [.. differences, .. notes]);
    }

    /// <summary>A cell whose re-execution failed, with why.</summary>
    public static CellVerification Failure(CellId cell, string why) => new(cell, VerifyVerdict.Failed, null, [], [why]);
}

/// <summary>The result of <c>touchstone verify</c> on one run.</summary>
/// <param name="RunId">The verified run.</param>
/// <param name="RunFolder">Its folder.</param>
/// <param name="Cells">One entry per re-executed cell, in manifest order.</param>
/// <param name="Skipped">Cells of the run that were not verified (not committed), with why.</param>
public sealed record VerifyReport(string RunId, string RunFolder, IReadOnlyList<CellVerification> Cells, IReadOnlyList<string> Skipped)
{
    /// <summary>Whether no cell differs or failed (not-comparable cells do not fail).</summary>
    public bool Passed => Cells.All(c => !c.Fails);

    /// <summary>How many cells got <paramref name="verdict"/>.</summary>
    public int Count(VerifyVerdict verdict) => Cells.Count(c => c.Verdict == verdict);
}
