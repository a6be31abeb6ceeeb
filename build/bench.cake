// Benchmarks: BenchmarkDotNet, then the reference implementation of each benchmark family that ran, in the same
// session on the same machine (PyTorch for the training step, DuckDB for Parquet); docs/benchmarks.md explains them.

Task("Bench")
    .Description("BenchmarkDotNet (--filter=<glob>, default all), then the references of what ran: PyTorch (training step), DuckDB (Parquet).")
    .Does(() =>
    {
        Run("bash", "ci/install-deps.sh --bench");
        var filter = Argument("filter", "*");
        Run("dotnet", $"run -c Release --project {Quote(benchmarksProject.FullPath)} -- --filter {Quote(filter)}");
        if (GlobMatches(filter, "Touchstone.Benchmarks.TrainingStepBenchmarks.AdamStep"))
        {
            Information("Reference: PyTorch eager on the same libtorch, one intra-op thread");
            Run("/usr/bin/python3", $"{Quote(benchmarksProject.GetDirectory().CombineWithFilePath("reference/pytorch_mlp.py").FullPath)} 1");
        }
        if (GlobMatches(filter, "Touchstone.Benchmarks.Parquet.ParquetMetricsBenchmarks.WriteRecords"))
        {
            Information("Reference: DuckDB writing and reading the same 1,000,000 rows");
            var rows = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "touchstone-bench", "metrics-1m.parquet");
            var exitCode = StartProcess("node", new ProcessSettings
            {
                Arguments = $"{Quote(repoRoot.CombineWithFilePath("tests/tools/duckdb-bench.mjs").FullPath)} {Quote(rows)}",
                WorkingDirectory = repoRoot.Combine(".tools/duckdb"),
            });
            if (exitCode != 0) throw new CakeException(exitCode, "the DuckDB reference benchmark failed");
        }
    });

// BenchmarkDotNet's --filter is a glob over full benchmark names ('*' any run of characters, '?' one character).
bool GlobMatches(string glob, string name) =>
    System.Text.RegularExpressions.Regex.IsMatch(name,
        "^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace("\\*", ".*").Replace("\\?", ".") + "$");
