using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate.Reports;

/// <summary>A gate result and what it was run on, as every report shows it.</summary>
/// <param name="Result">The verdicts.</param>
/// <param name="RunId">Id of the candidate run.</param>
/// <param name="RunDirectory">Folder of the candidate run.</param>
/// <param name="BaselinesDirectory">Folder of the baselines.</param>
public sealed record GateReport(GateResult Result, string RunId, string RunDirectory, string BaselinesDirectory)
{
    /// <summary>Problems with the run that do not stop the gate (a shard, cells without results).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Writes a gate report somewhere: the console, a Markdown file, a JUnit XML file.</summary>
public interface IGateReporter
{
    /// <summary>Writes the report.</summary>
    void Write(GateReport report);
}
