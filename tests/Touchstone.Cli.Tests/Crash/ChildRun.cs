using System.Diagnostics;
using System.Text;

namespace Touchstone.Cli.Tests.Crash;

/// <summary>The built CLI (touchstone.dll beside the tests) running as a child process, to be killed for real.</summary>
public sealed class ChildRun : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildRun(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "touchstone.dll");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildRun Start(string workingDirectory, params string[] args) =>
        Start(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Starts the CLI with extra environment variables (e.g. a GC heap limit).</summary>
    public static ChildRun Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartThrough([], workingDirectory, environment, args);

    /// <summary>
    /// Starts the CLI through a launcher command (e.g. <c>setpriv --reuid=65534 …</c> to run it as another user);
    /// no launcher starts <c>dotnet</c> directly.
    /// </summary>
    public static ChildRun StartThrough(IReadOnlyList<string> launcher, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartThrough(launcher, Dll, workingDirectory, environment, args);

    /// <summary>As <see cref="StartThrough(IReadOnlyList{string}, string, IReadOnlyDictionary{string, string}, string[])"/>, running the CLI at <paramref name="dll"/>.</summary>
    public static ChildRun StartThrough(IReadOnlyList<string> launcher, string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        if (launcher.Count > 0)
        {
            foreach (var word in launcher.Skip(1).Append("dotnet"))
            {
                start.ArgumentList.Add(word);
            }
        }
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return new ChildRun(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"));
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"touchstone did not finish in {timeout}:\n{Output}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Polls <paramref name="moment"/> and sends SIGKILL as soon as it holds. Fails if the run ended first.</summary>
    public void KillWhen(Func<bool> moment, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!moment())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the run ended (exit {_process.ExitCode}) before the moment to kill it:\n{Output}");
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"the moment to kill did not come in {timeout}:\n{Output}");
            }
            Thread.Sleep(2);
        }
        Assert.False(_process.HasExited, "the run ended before it could be killed");
        _process.Kill(); // SIGKILL on Unix: no handler runs, nothing is flushed.
        _process.WaitForExit();
    }

    /// <summary>Sends a signal (INT, TERM) with kill(1), as a terminal or a CI runner would.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Polls until <paramref name="moment"/> holds. Fails if the run ended first.</summary>
    public void WaitFor(Func<bool> moment, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!moment())
        {
            if (_process.HasExited || clock.Elapsed > timeout)
            {
                throw new InvalidOperationException($"the moment did not come while the run was going:\n{Output}");
            }
            Thread.Sleep(2);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
