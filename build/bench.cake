// Benchmarks: BenchmarkDotNet, with the reference implementations measured in the same session.

Task("Bench")
    .Description("Run BenchmarkDotNet benchmarks (--filter=<glob>, default all), then the reference scripts (PyTorch, DuckDB).")
    .Does(() =>
    {
        var filter = Argument("filter", "*");
        Run("dotnet", $"run -c Release --project {Quote(benchmarksProject.FullPath)} -- --filter {Quote(filter)}");
        foreach (var reference in GetFiles("ci/bench-*.sh"))
        {
            Run("bash", Quote(reference.FullPath));
        }
    });
