using Touchstone.Cli.Tests.Support;
using Touchstone.Testing;

namespace Touchstone.Reports.Tests;

/// <summary>
/// A real smoke run (the repository's selftest and spectral-gap suites, their smoke profile on the CPU) and its report,
/// made once for the tests that look at the report: both through the <c>touchstone</c> CLI, in this process.
/// </summary>
public sealed class SmokeReportFixture : IDisposable
{
    private readonly TempDirectory _dir = new("touchstone-report");

    public SmokeReportFixture()
    {
        RunFolder = _dir.Combine("runs", "smoke-report");
        ReportPath = _dir.Combine("report.html");
        Suites = ["selftest", "spectral-gap"];
        Invoke(["run", "--suites-dir", RepoPaths.Combine("suites"), "--suite", Suites[0], "--suite", Suites[1], "--profile", "smoke",
            "--device", "cpu", "--results", _dir.Combine("runs"), "--run-id", "smoke-report", "--no-tracking"], expectedExit: 0);
        ReportOutput = Invoke(["report", "--run", RunFolder, "--out", ReportPath, "--suites-dir", RepoPaths.Combine("suites"),
            "--baselines", RepoPaths.Combine("results", "baselines")], expectedExit: 0);
    }

    /// <summary>The run folder.</summary>
    public string RunFolder { get; }

    /// <summary>The report's HTML file.</summary>
    public string ReportPath { get; }

    /// <summary>What <c>touchstone report</c> printed.</summary>
    public string ReportOutput { get; }

    /// <summary>The suites of the run.</summary>
    public IReadOnlyList<string> Suites { get; }

    public void Dispose() => _dir.Dispose();

    private static string Invoke(string[] args, int expectedExit)
    {
        var result = Tool.Run(args);
        return result.Exit == expectedExit
            ? result.Out + result.Err
            : throw new InvalidOperationException($"touchstone {string.Join(' ', args)}: {result}");
    }
}
