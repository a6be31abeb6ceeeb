using System.CommandLine;
using Touchstone.Core.Declarations;
using Touchstone.Core.Environment;
using Touchstone.Core.Planning;
using Touchstone.Core.Results;
using Touchstone.Core.Running;

namespace Touchstone.Cli.Commands;

/// <summary>
/// Turns the options of <c>touchstone run</c> into a run to execute: a new run (suites, matrix, shard, manifest,
/// folder) or a resumed one (manifest, the same cells planned again, fingerprint check).
/// </summary>
internal static class RunPreparation
{
    public sealed record Prepared(
        IReadOnlyList<LoadedSuite> Suites,
        IReadOnlyList<CellPlan> Plans,
        RunLayout Layout,
        RunManifest Manifest,
        EnvironmentFingerprint Fingerprint,
        ThreadSettings Threads,
        bool Resumed,
        RunLock Lock);

    public static Prepared Plan(CliContext context, ParseResult parse, RunCommand.Options o, List<string> overrideTexts)
    {
        var suitesDir = Path.GetFullPath(parse.GetValue(o.SuitesDir)!);
        var suites = new SuiteLoader(context.Experiments).LoadDirectory(suitesDir);
        var seeds = parse.GetValue(o.Seeds) is { } seedText ? CommandLineValues.ParseSeeds(seedText) : null;
        var scheduled = parse.GetValue(o.Shard)?.Trim() == SchedulerShards.Auto ? SchedulerShards.Detect(context.Environment) : null;
        var shard = scheduled?.Shard ?? (parse.GetValue(o.Shard) is { } shardText ? CommandLineValues.ParseShard(shardText) : null);
        var device = CommandLineValues.ParseDevice(parse.GetValue(o.Device)!);
        CheckDevice(context, device);
        var runId = RunId(parse.GetValue(o.RunId), scheduled);
        var request = new MatrixRequest(
            parse.GetValue(o.Profile)!,
            parse.GetValue(o.Suite) ?? [],
            parse.GetValue(o.Variant) ?? [],
            seeds,
            overrideTexts.Select(ConfigOverrides.Parse).ToList(),
            device);
        var matrix = Matrix.Expand(suites, request);
        if (matrix.Count == 0)
        {
            throw new DeclarationException("--suite", "the selection has no cells; check --suite, --variant and --profile with 'touchstone list'");
        }
        var plans = Matrix.SelectShard(matrix, shard);
        var threads = Threads(parse.GetValue(o.Threads));
        var fingerprint = ApplyNumerics(context, device, threads);
        var manifest = new RunManifest(
            RunManifest.CurrentSchemaVersion, runId, DateTime.UtcNow, request.Profile,
            plans.Select(p => p.Id.Suite).Distinct().ToList(), device, shard, overrideTexts,
            plans.Select(p => p.Id.ToString()).ToList(), fingerprint, FingerprintCollector.Hash(fingerprint), context.CommandLine)
        {
            MatrixCells = matrix.Select(p => p.Id.ToString()).ToList(),
            SuitesDirectory = suitesDir,
            Threads = threads,
        };
        var folder = Path.Combine(parse.GetValue(o.Results)!, runId);
        if (scheduled is not null && RunFolder.Exists(folder))
        {
            // The scheduler started this task again (a requeue after a node failure, or by hand): finish its shard.
            var (existingLayout, existing) = RunFolder.Open(folder);
            return Locked(existingLayout, held =>
            {
                CheckSamePlan(existingLayout, existing, manifest);
                return Reopen(context, existingLayout, existing, suitesDir, held);
            });
        }
        var (layout, created) = RunFolder.Create(folder, manifest,
            $"continue it with: touchstone run --resume {folder}, or choose another --run-id");
        return new Prepared(suites, plans, layout, manifest, fingerprint, threads, false, created);
    }

    // The folder name: the given or generated id; for a scheduler's shard, the submission's id and the shard index,
    // so that the tasks of one array write distinct folders that 'touchstone merge --shards-of' finds.
    private static string RunId(string? given, ScheduledShard? scheduled)
    {
        var runId = scheduled is null
            ? given ?? RunIds.New(DateTime.UtcNow)
            : ShardFolders.Name(
                given ?? scheduled.RunId ?? throw new DeclarationException("--run-id",
                    $"--shard auto: {scheduled.Scheduler} gives its tasks no shared id; pass --run-id with the same value to every task"),
                scheduled.Shard);
        if (RunIds.Problem(runId) is { } problem)
        {
            throw new DeclarationException("--run-id", $"--run-id '{(runId.Length > 40 ? runId[..40] + "…" : runId)}' {problem}");
        }
        return runId;
    }

    private static void CheckSamePlan(RunLayout layout, RunManifest existing, RunManifest planned)
    {
        if (existing.Profile != planned.Profile || existing.Device != planned.Device || existing.Shard != planned.Shard
            || existing.Threads != planned.Threads
            || !existing.Overrides.SequenceEqual(planned.Overrides) || !existing.Cells.SequenceEqual(planned.Cells))
        {
            throw new DeclarationException("--shard",
                $"{layout.Root} already holds shard {existing.Shard?.ToString() ?? "(none)"} of another plan (profile {existing.Profile}, " +
                $"device {existing.Device}, {existing.Cells.Count} cells); give this submission another --run-id");
        }
    }

    public static Prepared Resume(CliContext context, ParseResult parse, RunCommand.Options o, string folder, List<string> overrideTexts)
    {
        var conflicting = new Option[] { o.Suite, o.Profile, o.Variant, o.Seeds, o.Shard, o.Device, o.Threads, o.RunId, o.Set }
            .Where(option => parse.GetResult(option) is { Implicit: false })
            .Select(option => option.Name)
            .ToList();
        if (conflicting.Count > 0 || (parse.GetValue(o.Overrides) ?? []).Length > 0)
        {
            var names = conflicting.Count > 0 ? string.Join(", ", conflicting) : "config overrides";
            throw new DeclarationException("--resume",
                $"--resume continues a run exactly as it was planned; drop {names} (the run's manifest.json fixes them)");
        }
        var (layout, manifest) = RunFolder.Open(folder);
        var suitesDir = parse.GetResult(o.SuitesDir) is { Implicit: false }
            ? Path.GetFullPath(parse.GetValue(o.SuitesDir)!)
            : manifest.SuitesDirectory ?? Path.GetFullPath(parse.GetValue(o.SuitesDir)!);
        return Locked(layout, held => Reopen(context, layout, manifest, suitesDir, held));
    }

    // Takes the run folder's lock and holds it from here on (a second resume, or a run still going, must not touch
    // the folder); released if planning fails.
    private static Prepared Locked(RunLayout layout, Func<RunLock, Prepared> plan)
    {
        var held = RunLock.Acquire(layout.Root);
        try
        {
            return plan(held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    // Plans the cells of an existing run again from its manifest and checks the environment against it.
    private static Prepared Reopen(CliContext context, RunLayout layout, RunManifest manifest, string suitesDir, RunLock held)
    {
        var suites = new SuiteLoader(context.Experiments).LoadDirectory(suitesDir);
        var cells = manifest.Cells.Select(RunMerger.ParseCellId).ToList();
        var plans = Matrix.ForCells(suites, manifest.Profile, cells, manifest.Overrides.Select(ConfigOverrides.Parse).ToList(), manifest.Device);
        CheckDevice(context, manifest.Device);
        // A run recorded before threads were a setting ran with libtorch's default; the fingerprint check below says so.
        var threads = manifest.Threads ?? ThreadSettings.Default;
        var fingerprint = ApplyNumerics(context, manifest.Device, threads);
        var hash = FingerprintCollector.Hash(fingerprint);
        if (hash != manifest.FingerprintHash && manifest.OtherFingerprints.All(f => FingerprintCollector.Hash(f) != hash))
        {
            context.Error.WriteLine(
                $"touchstone: warning: the environment differs from the one that started the run ({hash} vs {manifest.FingerprintHash}); " +
                "the cells run now carry the new fingerprint, and manifest.json lists both.");
            manifest = manifest with { OtherFingerprints = [.. manifest.OtherFingerprints, fingerprint] };
            RunFolder.WriteManifest(layout, manifest);
        }
        return new Prepared(suites, plans, layout, manifest, fingerprint, threads, true, held);
    }

    private static ThreadSettings Threads(int threads) => threads >= 1
        ? ThreadSettings.Uniform(threads)
        : throw new DeclarationException("--threads", $"--threads {threads}: a cell needs at least one thread (--threads 1 or more)");

    // Once per process and before the fingerprint, so that the fingerprint states the threads the cells run with.
    private static EnvironmentFingerprint ApplyNumerics(CliContext context, string device, ThreadSettings threads)
    {
        context.Backend.ConfigureNumerics(threads);
        return FingerprintCollector.Collect(device, context.Backend);
    }

    // A device the backend cannot use is bad input, found before any cell is attempted on it.
    private static void CheckDevice(CliContext context, string device)
    {
        if (context.Backend.Unavailable(device) is { } problem)
        {
            throw new DeclarationException("--device", problem);
        }
    }
}
