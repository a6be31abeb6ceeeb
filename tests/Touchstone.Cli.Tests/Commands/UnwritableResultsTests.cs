using System.Diagnostics;
using System.Runtime.Versioning;
using Touchstone.Cli.Tests.Crash;
using Touchstone.Cli.Tests.Support;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

/// <summary>
/// A results folder the user cannot write, and a disk that is full when the run starts: exit 2 with "not a writable
/// folder" before any cell runs, and no half-made run folder that would block the same --run-id later.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class UnwritableResultsTests
{
    [UnprivilegedFact]
    public void A_read_only_results_folder_is_bad_input_for_an_unprivileged_user()
    {
        using var dir = new TempDirectory("touchstone-readonly");
        var results = dir.Combine("results");
        Directory.CreateDirectory(results);
        // Readable and enterable by everyone, writable by no one but root (who ignores the bits: hence another user).
        File.SetUnixFileMode(dir.Path, Readable);
        File.SetUnixFileMode(results, Readable);
        // nobody must reach the CLI and the suites: where the checkout lies in a folder others cannot enter (a clone
        // under a private temporary folder), run a copy placed where they can.
        using var reachable = new TempDirectory("touchstone-cli-for-nobody");
        var (dll, suites) = UnprivilegedFactAttribute.ReachableByOthers(ChildRun.Dll, Tool.TestSuites, reachable.Path);
        try
        {
            using var child = ChildRun.StartThrough(UnprivilegedFactAttribute.Launcher, dll, dir.Path, new Dictionary<string, string>(),
                "run", "--suites-dir", suites, "--suite", "harness", "--results", results, "--run-id", "r1", "--no-tracking");
            var exit = child.WaitForExit(TimeSpan.FromMinutes(2));

            Assert.True(exit == 2, child.Output);
            Assert.Contains($"{results} is not a writable folder: ", child.Output);
            Assert.DoesNotContain("started", child.Output);
            Assert.Empty(Directory.EnumerateFileSystemEntries(results));
        }
        finally
        {
            File.SetUnixFileMode(results, Readable | UnixFileMode.UserWrite);
            File.SetUnixFileMode(dir.Path, Readable | UnixFileMode.UserWrite);
        }
    }

    [TmpfsFact]
    public void A_full_disk_at_start_leaves_no_run_folder_and_the_same_run_id_runs_once_space_is_freed()
    {
        using var dir = new TempDirectory("touchstone-full-disk");
        var disk = dir.Combine("disk");
        Directory.CreateDirectory(disk);
        TmpfsFactAttribute.Mount(disk, "256k");
        try
        {
            var filler = Path.Combine(disk, "filler");
            Fill(filler);
            var results = Path.Combine(disk, "results");

            var full = Tool.RunSuite(results, "r1", "--suite", "harness");

            Assert.True(full.Exit == 2, full.ToString());
            Assert.Contains($"{results} is not a writable folder: No space left on device", full.Err);
            Assert.Empty(Directory.EnumerateFileSystemEntries(results)); // no folder without a manifest, no staging left

            File.Delete(filler);
            var again = Tool.RunSuite(results, "r1", "--suite", "harness");
            Assert.True(again.Exit == 0, again.ToString());
        }
        finally
        {
            TmpfsFactAttribute.Unmount(disk);
        }
    }

    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
        | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    // Writes until the file system says it is full.
    private static void Fill(string path)
    {
        using var stream = File.Create(path);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // full
        }
    }
}

/// <summary>
/// A fact about what a user without root's privileges sees. As root it runs the CLI as <c>nobody</c> through
/// util-linux's <c>setpriv</c> (skipped, saying so, when setpriv is absent); as any other user it runs the CLI
/// directly.
/// </summary>
public sealed class UnprivilegedFactAttribute : FactAttribute
{
    private const string Setpriv = "/usr/bin/setpriv";

    public UnprivilegedFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux permission bits and setpriv";
        }
        else if (IsRoot && !File.Exists(Setpriv))
        {
            Skip = $"{Setpriv} (util-linux) is absent: root ignores permission bits, so the CLI must run as another user";
        }
    }

    /// <summary>
    /// The CLI and the suites folder as another user can reach them: where they are, when every folder above them
    /// lets others in; otherwise hard-linked (or, across file systems, copied) under <paramref name="scratch"/>.
    /// </summary>
    [SupportedOSPlatform("linux")]
    public static (string Dll, string Suites) ReachableByOthers(string dll, string suites, string scratch)
    {
        var binary = Path.GetDirectoryName(dll)!;
        if (ReadableByOthers(binary) && ReadableByOthers(suites))
        {
            return (dll, suites);
        }
        File.SetUnixFileMode(scratch, File.GetUnixFileMode(scratch) | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var bin = Path.Combine(scratch, "bin");
        var copy = Path.Combine(scratch, "suites");
        CopyTree(binary, bin);
        CopyTree(suites, copy);
        return (Path.Combine(bin, Path.GetFileName(dll)), copy);
    }

    private static void CopyTree(string from, string to)
    {
        // Hard links cost nothing; cp falls back to a copy only where they cannot be made (another file system).
        foreach (var flags in new[] { "-al", "-a" })
        {
            using var cp = Process.Start(new ProcessStartInfo("cp", [flags, from, to]) { RedirectStandardError = true })!;
            cp.WaitForExit();
            if (cp.ExitCode == 0)
            {
                return;
            }
            if (Directory.Exists(to))
            {
                Directory.Delete(to, recursive: true);
            }
        }
        throw new IOException($"could not copy {from} to {to} for the unprivileged run");
    }

    /// <summary>The launcher: setpriv to nobody (uid and gid 65534, no groups) as root, nothing otherwise.</summary>
    public static IReadOnlyList<string> Launcher => IsRoot ? [Setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] : [];

    private static bool IsRoot => Environment.UserName == "root";

    [SupportedOSPlatform("linux")]
    private static bool ReadableByOthers(string folder)
    {
        for (var at = new DirectoryInfo(folder); at is not null; at = at.Parent)
        {
            if ((at.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>
/// A fact that needs a small tmpfs mounted, to fill a disk for real. Skipped, saying so, where mounting is not
/// allowed (not root, or a container without CAP_SYS_ADMIN, as CI's is).
/// </summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        var probe = Path.Combine(Path.GetTempPath(), $"touchstone-mount-probe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(probe);
        try
        {
            if (Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe) != 0)
            {
                Skip = "mounting a tmpfs is not allowed here (needs root and CAP_SYS_ADMIN), so a full disk cannot be made";
                return;
            }
            Run("umount", probe);
        }
        finally
        {
            Directory.Delete(probe);
        }
    }

    /// <summary>Mounts a tmpfs of <paramref name="size"/> on <paramref name="folder"/>.</summary>
    public static void Mount(string folder, string size) =>
        Assert.Equal(0, Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", folder));

    /// <summary>Unmounts <paramref name="folder"/>.</summary>
    public static void Unmount(string folder) => Assert.Equal(0, Run("umount", folder));

    private static int Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // no such program
        }
    }
}
