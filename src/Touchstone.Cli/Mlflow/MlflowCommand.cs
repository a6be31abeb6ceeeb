using System.CommandLine;
using Touchstone.Tracking.Configuration;
using Touchstone.Tracking.Errors;
using Touchstone.Tracking.Outbox;

namespace Touchstone.Cli.Mlflow;

/// <summary><c>touchstone mlflow sync [run dir]</c>: replays what runs could not deliver to MLflow.</summary>
public static class MlflowCommand
{
    /// <summary>The <c>mlflow</c> command with its <c>sync</c> subcommand.</summary>
    public static Command Create() => Create(TrackingEnvironment.FromProcess);

    /// <summary>The command, reading the environment through <paramref name="environment"/> (tests).</summary>
    public static Command Create(Func<TrackingEnvironment> environment)
    {
        var runDirectory = new Argument<string?>("run-dir")
        {
            Description = "A run directory (results/runs/<id>); without it, every run under results/runs with records waiting",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var trackingUri = new Option<string?>("--tracking-uri")
        {
            Description = "Deliver to this store instead of the one the run was logged to (the same backend moved elsewhere)",
        };
        var sync = new Command("sync", "Replay a run's MLflow outbox: deliver what could not be sent, without duplicating anything")
        {
            runDirectory,
            trackingUri,
        };
        sync.SetAction((parse, cancellation) => SyncAsync(
            parse.GetValue(runDirectory), parse.GetValue(trackingUri), environment(),
            parse.InvocationConfiguration.Output, cancellation));
        return new Command("mlflow", "MLflow tracking") { sync };
    }

    private static async Task<int> SyncAsync(string? runDirectory, string? trackingUri, TrackingEnvironment environment, TextWriter output,
        CancellationToken cancellation)
    {
        var outboxes = FindOutboxes(runDirectory, environment.WorkingDirectory, output);
        if (outboxes is null)
        {
            return 1;
        }
        if (outboxes.Count == 0)
        {
            output.WriteLine("MLflow: no run has records waiting in an outbox; nothing to sync.");
            return 0;
        }
        var complete = true;
        foreach (var outbox in outboxes)
        {
            complete &= await SyncOneAsync(outbox, trackingUri, environment, output, cancellation);
        }
        return complete ? 0 : 1;
    }

    private static async Task<bool> SyncOneAsync(string outbox, string? trackingUri, TrackingEnvironment environment, TextWriter output,
        CancellationToken cancellation)
    {
        var runDirectory = Path.GetDirectoryName(outbox)!;
        try
        {
            using var store = environment.Open(trackingUri ?? OutboxSync.RecordedTarget(outbox));
            var log = new TrackerLog(message => output.WriteLine($"  {message}"), _ => { });
            var report = await OutboxSync.RunAsync(outbox, store, environment.RetrySettings, log, cancellation);
            output.WriteLine($"{runDirectory}: {report.Delivered} records delivered to {report.Target}"
                + (report.Rejected > 0 ? $", {report.Rejected} refused" : "")
                + (report.Blocked > 0 ? $", {report.Blocked} waiting for a run that could not be created" : "")
                + (report.Remaining > 0 ? $", {report.Remaining} still waiting (the store is unavailable; run sync again later)" : ""));
            foreach (var error in report.Errors)
            {
                output.WriteLine($"  {error}");
            }
            return report.IsComplete;
        }
        catch (Exception error) when (error is TrackingException or InvalidDataException or ArgumentException)
        {
            output.WriteLine($"{runDirectory}: {error.Message}");
            return false;
        }
    }

    // The outbox folders to replay; null (after saying why) when the given directory has none.
    private static List<string>? FindOutboxes(string? runDirectory, string workingDirectory, TextWriter output)
    {
        if (runDirectory is not null)
        {
            var full = Path.GetFullPath(Path.Combine(workingDirectory, runDirectory));
            var outbox = OutboxJournal.Exists(full) ? full : MlflowSinkFactory.OutboxDirectory(full);
            if (OutboxJournal.Exists(outbox))
            {
                return [outbox];
            }
            output.WriteLine($"{full} has no MLflow outbox (mlflow/{OutboxJournal.FileName}): was it run with MLflow logging off, or is it not a run directory?");
            return null;
        }
        var runs = Path.Combine(workingDirectory, "results", "runs");
        return Directory.Exists(runs)
            ? Directory.EnumerateDirectories(runs).Order(StringComparer.Ordinal)
                .Select(MlflowSinkFactory.OutboxDirectory).Where(o => OutboxSync.CountPending(o) > 0).ToList()
            : [];
    }
}
