// Reproducibility check: re-execute a run's cells in fresh processes and compare them bit for bit.

Task("Verify")
    .Description("Re-execute cells of a run (--run=<dir>, default the newest; --cells=all|N|<cell id>, default all) in fresh processes and compare every value bit for bit; Markdown and JUnit to --reports (TestResults/verify).")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var run = HasArgument("run") ? Directory(Argument<string>("run")) : LatestRun();
        DirectoryPath reports = Argument("reports", testResults.Combine("verify").FullPath);
        EnsureDirectoryExists(reports);
        Touchstone($"verify --run {Quote(MakeAbsolute(run).FullPath)} {PassThrough("cells")} " +
                   $"--markdown {Quote(reports.CombineWithFilePath("verify.md").FullPath)} " +
                   $"--junit {Quote(reports.CombineWithFilePath("verify-junit.xml").FullPath)}");
    });
