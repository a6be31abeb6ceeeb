using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Touchstone.Cli.Verification;

/// <summary>What a child <c>touchstone</c> process printed and how it ended.</summary>
/// <param name="Exit">Its exit code.</param>
/// <param name="Output">Standard output and error, interleaved as they arrived.</param>
public sealed record ChildResult(int Exit, string Output);

/// <summary>
/// Starts this command line again as a child process, so that a cell runs in a fresh process: its own libtorch
/// state, thread pools and allocator, as in the run that recorded it.
/// </summary>
/// <param name="Command">The program and leading arguments that start <c>touchstone</c>, e.g. <c>dotnet touchstone.dll</c>.</param>
public sealed record ChildCli(IReadOnlyList<string> Command)
{
    /// <summary>The command that started this process: the apphost itself, or <c>dotnet</c> and the entry assembly.</summary>
    public static ChildCli OfThisProcess()
    {
        var process = System.Environment.ProcessPath ?? "dotnet";
        var isHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isHost && Assembly.GetEntryAssembly()?.Location is { Length: > 0 } dll ? new ChildCli([process, dll]) : new ChildCli([process]);
    }

    /// <summary>Runs <c>touchstone</c> with <paramref name="arguments"/> in the current folder and waits for it.</summary>
    public ChildResult Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Command.Skip(1).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (output)
        {
            return new ChildResult(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
