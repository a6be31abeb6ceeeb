// The HTML report of a run: curves, final metrics beside the baseline, gate verdicts (touchstone report).

Task("Report")
    .Description("Write the HTML report of a run (--run=<dir>, default the newest; --compare=<dir>) to --out (default TestResults/report/report.html).")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var run = HasArgument("run") ? Directory(Argument<string>("run")) : LatestRun();
        var output = MakeAbsolute(File(Argument("out", testResults.Combine("report").CombineWithFilePath("report.html").FullPath))).FullPath;
        var baselines = Argument("baselines", baselinesRoot.FullPath);
        var compare = HasArgument("compare") ? $" --compare {Quote(MakeAbsolute(Directory(Argument<string>("compare"))).FullPath)}" : "";
        Touchstone($"report --run {Quote(MakeAbsolute(run).FullPath)} --out {Quote(output)} --baselines {Quote(baselines)}{compare}");
    });
