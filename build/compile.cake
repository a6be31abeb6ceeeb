// Dependencies, the native shim and the managed build.

Task("Deps")
    .Description("Check native dependencies (as root: install them): libtorch, OpenBLAS, cmake, g++, DuckDB, actionlint.")
    .Does(() => Run("bash", "ci/install-deps.sh"));

Task("Native")
    .Description("Configure (once) and build the libtorch shim, libtouchstone_torch.so. Honours Torch_DIR / CMAKE_PREFIX_PATH.")
    .Does(() =>
    {
        if (!FileExists(nativeBuild.CombineWithFilePath("CMakeCache.txt")))
        {
            Run("cmake", $"-S {Quote(nativeSource.FullPath)} -B {Quote(nativeBuild.FullPath)} -DCMAKE_BUILD_TYPE=Release");
        }
        Run("cmake", $"--build {Quote(nativeBuild.FullPath)} --parallel");
    });

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
