// Dependencies, the native shim and the managed build.

Task("Deps")
    .Description("Check native dependencies (as root: install them): libtorch, OpenBLAS, cmake, g++, DuckDB, actionlint.")
    .Does(() => Run("bash", "ci/install-deps.sh"));

Task("Native")
    .Description("Build the libtorch shim, libtouchstone_torch.so (the same MSBuild target `dotnet build` runs). Honours Torch_DIR / CMAKE_PREFIX_PATH.")
    .Does(() => Run("dotnet", $"msbuild {Quote(torchProject.FullPath)} -t:BuildTouchstoneTorchNative -nologo -v:minimal"));

Task("Build")
    .Description("Build the solution in Release.")
    .IsDependentOn("Native")
    .Does(() => Run("dotnet", $"build {Quote(solution.FullPath)} -c {configuration} --nologo"));

Task("Clean")
    .Description("Remove build outputs, test results and the native build (results/ and mlruns/ are kept).")
    .Does(() =>
    {
        var dirs = GetDirectories("src/*/bin").Concat(GetDirectories("src/*/obj"))
            .Concat(GetDirectories("tests/*/bin")).Concat(GetDirectories("tests/*/obj"));
        foreach (var dir in dirs) DeleteDirectory(dir, new DeleteDirectorySettings { Recursive = true, Force = true });
        foreach (var dir in new[] { nativeBuild, testResults })
        {
            if (DirectoryExists(dir)) DeleteDirectory(dir, new DeleteDirectorySettings { Recursive = true, Force = true });
        }
    });
