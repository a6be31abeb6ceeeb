using System.Diagnostics;
using Touchstone.Cli.Scaffold;
using Touchstone.Cli.Tests.Support;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

public sealed class NewSuiteTests
{
    // A folder that looks like a checkout to the scaffold: the solution marker and the catalog.
    private static string FakeCheckout()
    {
        var root = Directory.CreateTempSubdirectory("touchstone-new-").FullName;
        File.WriteAllText(Path.Combine(root, "Touchstone.slnx"), "<Solution />");
        var catalog = Path.Combine(root, "src", "Touchstone.Suites", "ExperimentCatalog.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(catalog)!);
        File.Copy(RepoPaths.Combine("src", "Touchstone.Suites", "ExperimentCatalog.cs"), catalog);
        return root;
    }

    // Runs a test in a fresh folder and removes it afterwards.
    private static void InFolder(Func<string> make, Action<string> test)
    {
        var root = make();
        try
        {
            test(root);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string NativeLibrary => Path.Combine(AppContext.BaseDirectory, "libtouchstone_torch.so");

    private static string EmptyFolder() => Directory.CreateTempSubdirectory("touchstone-new-").FullName;

    [Fact]
    public void New_suite_writes_the_four_files_and_registers_the_experiment_once() => InFolder(FakeCheckout, root =>
    {
        var result = Tool.Run("new", "suite", "my-demo", "--root", root);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.All(SuiteScaffold.Files("my-demo"), f => Assert.True(File.Exists(Path.Combine(root, f)), f));
        Assert.Contains("name: my-demo", File.ReadAllText(Path.Combine(root, "suites", "my-demo.yaml")));
        Assert.Contains("public sealed class MyDemoExperiment", File.ReadAllText(Path.Combine(root, "src", "Touchstone.Suites", "MyDemo", "MyDemoExperiment.cs")));
        var catalog = File.ReadAllText(Path.Combine(root, "src", "Touchstone.Suites", "ExperimentCatalog.cs"));
        Assert.Single(catalog.Split(".Add<Touchstone.Suites.MyDemo.MyDemoExperiment>()")[1..]);

        var again = Tool.Run("new", "suite", "my-demo", "--root", root);
        Assert.Equal(2, again.Exit);
        Assert.Contains("exists already", again.Err);
    });

    [Theory]
    [InlineData("My_Suite")]
    [InlineData("-lead")]
    [InlineData("9lives")]
    public void A_name_that_cannot_be_a_suite_and_a_type_is_refused(string name) => InFolder(FakeCheckout, root =>
    {
        var result = Tool.Run("new", "suite", name, "--root", root);

        Assert.Equal(2, result.Exit);
        Assert.Contains("lower-case", result.Err);
        Assert.False(Directory.Exists(Path.Combine(root, "suites")));
    });

    [Fact]
    public void A_folder_that_is_not_a_checkout_is_refused() => InFolder(EmptyFolder, root =>
    {
        var result = Tool.Run("new", "suite", "demo", "--root", root);

        Assert.Equal(2, result.Exit);
        Assert.Contains("not a Touchstone checkout", result.Err);
    });

    /// <summary>
    /// The whole promise, in a copy of this checkout: scaffold <c>demo</c>, build, <c>touchstone validate</c>, and the
    /// generated tests. Slow (two builds of the copy), so it builds against this checkout's native library.
    /// </summary>
    [Fact]
    public void A_scaffolded_suite_validates_and_passes_its_own_tests_in_a_copy_of_the_checkout() => InFolder(EmptyFolder, copy =>
    {
        foreach (var file in Git("ls-files", "-co", "--exclude-standard").Where(f => File.Exists(RepoPaths.Combine(f))))
        {
            var target = Path.Combine(copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(RepoPaths.Combine(file), target);
        }
        // The copy is built without its native step, from this checkout's library in the place the build expects it.
        var native = Path.Combine(copy, "src", "Touchstone.Torch.Native", "build", "libtouchstone_torch.so");
        Directory.CreateDirectory(Path.GetDirectoryName(native)!);
        File.Copy(NativeLibrary, native);
        var scaffold = Tool.Run("new", "suite", "demo", "--root", copy);
        Assert.True(scaffold.Exit == 0, scaffold.ToString());

        string[] skipNative = ["-c", "Release", "-p:TouchstoneSkipNativeBuild=true", "-nologo", "-v:q"];
        Dotnet(copy, ["build", Path.Combine(copy, "src", "Touchstone.Cli"), .. skipNative]);
        Dotnet(copy, ["build", Path.Combine(copy, "tests", "Touchstone.Suites.Tests"), .. skipNative]);
        var validate = Dotnet(copy, [Path.Combine(copy, "src", "Touchstone.Cli", "bin", "Release", "net10.0", "touchstone.dll"), "validate"]);
        Assert.Contains("suite 'demo' (experiment demo;", validate);
        var tests = Dotnet(copy, ["test", Path.Combine(copy, "tests", "Touchstone.Suites.Tests"), "-c", "Release", "--no-build",
            "--filter", "FullyQualifiedName~Touchstone.Suites.Tests.Demo."]);
        Assert.Contains("Passed!", tests);
        Assert.Contains("Total:     4", tests);
    });

    private static string[] Git(params string[] args)
    {
        var output = Start("git", RepoPaths.Root, ["-C", RepoPaths.Root, .. args]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Dotnet(string folder, string[] args) => Start("dotnet", folder, args);

    // Runs a tool to the end (20 minutes at most) and returns its output; a non-zero exit fails the test with it.
    private static string Start(string tool, string folder, string[] args)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["TOUCHSTONE_TORCH_NATIVE"] = NativeLibrary;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish in 20 minutes");
        }
        var output = stdout + stderr.Result;
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited with {process.ExitCode}:\n{output}");
        return output;
    }
}
