using Spectre.Console;
using Touchstone.Core.Running;

namespace Touchstone.Core.Display;

/// <summary>
/// The console view of a run, as a sink: a live Spectre.Console progress display on a terminal, plain log lines
/// when the output is redirected (CI logs).
/// </summary>
public static class ProgressDisplay
{
    /// <summary>The display that suits <paramref name="console"/>.</summary>
    public static IRunSink For(IAnsiConsole console) =>
        console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi
            ? new LiveProgressDisplay(console)
            : new PlainProgressDisplay(console, TimeSpan.FromSeconds(15));

    /// <summary>Seconds as <c>0.4s</c>, <c>12s</c>, <c>3m05s</c> or <c>1h02m</c>.</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 10 => $"{seconds:0.0}s",
        < 60 => $"{seconds:0}s",
        < 3600 => $"{(int)(seconds / 60)}m{(int)(seconds % 60):00}s",
        _ => $"{(int)(seconds / 3600)}h{(int)(seconds % 3600 / 60):00}m",
    };
}

/// <summary>Keeps count of the cells of a run and estimates the time left from the cells finished so far.</summary>
internal sealed class RunClock
{
    private readonly System.Diagnostics.Stopwatch _clock = new();
    private int _finishedHere;

    public int Total { get; private set; }

    public int Done { get; private set; }

    public void Planned(int total, int alreadyDone)
    {
        (Total, Done) = (total, alreadyDone);
        _clock.Restart();
    }

    public void Finished()
    {
        Done++;
        _finishedHere++;
    }

    /// <summary>Seconds left at the mean pace of the cells finished in this invocation; null before the first.</summary>
    public double? SecondsLeft => _finishedHere == 0 ? null : _clock.Elapsed.TotalSeconds / _finishedHere * (Total - Done);
}
