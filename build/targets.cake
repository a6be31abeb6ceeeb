// Targets and their dependencies.

Task("Deps")
    .Description("Check (as root: install) native dependencies: libtorch, OpenBLAS, cmake, DuckDB for tests.")
    .Does(() => Run("bash", "ci/install-deps.sh"));

Task("Build")
    .Description("Build the solution (the native shim is built by the Touchstone.Torch project).")
    .Does(() => Run("dotnet", $"build {solution} -c {configuration} --nologo"));

Task("Test")
    .Description("Run every xunit project; TRX results land in TestResults/.")
    .IsDependentOn("Build")
    .Does(() =>
    {
        CleanDirectory(testResults);
        Run("dotnet", $"test {solution} -c {configuration} --no-build --nologo " +
                      $"--logger trx --results-directory {testResults}");
    });

Task("Default").IsDependentOn("Test");

// Runs a process in the repository root and fails the task on a non-zero exit code.
void Run(string tool, string arguments)
{
    var exitCode = StartProcess(tool, new ProcessSettings { Arguments = arguments, WorkingDirectory = repoRoot });
    if (exitCode != 0)
    {
        throw new CakeException(exitCode, $"`{tool} {arguments}` exited with {exitCode}");
    }
}
