// The regression gate and the only way a baseline changes.

// Gates one run against the baselines; writes the Markdown summary and JUnit XML to --reports (TestResults/gate).
void GateRun(DirectoryPath run)
{
    DirectoryPath gateReports = Argument("reports", testResults.Combine("gate").FullPath);
    EnsureDirectoryExists(gateReports);
    var baselines = Argument("baselines", baselinesRoot.FullPath);
    var markdown = gateReports.CombineWithFilePath("gate.md");
    Touchstone($"gate --run {Quote(run.FullPath)} --baselines {Quote(baselines)} " +
               $"--markdown {Quote(markdown.FullPath)} --junit {Quote(gateReports.CombineWithFilePath("gate-junit.xml").FullPath)}");
}

Task("Gate")
    .Description("Gate a run (--run=<dir>, default the newest) against --baselines (default results/baselines). Fails on a regression.")
    .IsDependentOn("Build")
    .Does(() => GateRun(HasArgument("run") ? Directory(Argument<string>("run")) : LatestRun()));

Task("Promote")
    .Description("Make a run (--run=<dir>, default the newest) the baseline, for all its suites or --suite=<name>.")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var run = HasArgument("run") ? Directory(Argument<string>("run")) : LatestRun();
        var baselines = Argument("baselines", baselinesRoot.FullPath);
        Touchstone($"promote --run {Quote(MakeAbsolute(run).FullPath)} --baselines {Quote(baselines)} {PassThrough("suite")}");
    });
