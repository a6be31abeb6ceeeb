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
        bool Resumed,
        RunLock Lock);

    public static Prepared Plan(CliContext context, ParseResult parse, RunCommand.Options o, List<string> overrideTexts)
    {
        var suitesDir = Path.GetFullPath(parse.GetValue(o.SuitesDir)!);
        var suites = new SuiteLoader(context.Experiments).LoadDirectory(suitesDir);
        var seeds = parse.GetValue(o.Seeds) is { } seedText ? CommandLineValues.ParseSeeds(seedText) : null;
        var shard = parse.GetValue(o.Shard) is { } shardText ? CommandLineValues.ParseShard(shardText) : null;
        var device = CommandLineValues.ParseDevice(parse.GetValue(o.Device)!);
        CheckDevice(context, device);
        var runId = parse.GetValue(o.RunId) ?? RunIds.New(DateTime.UtcNow);
        if (RunIds.Problem(runId) is { } problem)
        {
            throw new DeclarationException("--run-id", $"--run-id '{(runId.Length > 40 ? runId[..40] + "…" : runId)}' {problem}");
        }
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
        var fingerprint = FingerprintCollector.Collect(device, context.Backend);
        var manifest = new RunManifest(
            RunManifest.CurrentSchemaVersion, runId, DateTime.UtcNow, request.Profile,
            plans.Select(p => p.Id.Suite).Distinct().ToList(), device, shard, overrideTexts,
            plans.Select(p => p.Id.ToString()).ToList(), fingerprint, FingerprintCollector.Hash(fingerprint), context.CommandLine)
        {
            MatrixCells = matrix.Select(p => p.Id.ToString()).ToList(),
            SuitesDirectory = suitesDir,
        };
        var (layout, held) = RunFolder.Create(Path.Combine(parse.GetValue(o.Results)!, runId), manifest,
            $"continue it with: touchstone run --resume {Path.Combine(parse.GetValue(o.Results)!, runId)}, or choose another --run-id");
        return new Prepared(suites, plans, layout, manifest, fingerprint, false, held);
    }

    public static Prepared Resume(CliContext context, ParseResult parse, RunCommand.Options o, string folder, List<string> overrideTexts)
    {
        var conflicting = new Option[] { o.Suite, o.Profile, o.Variant, o.Seeds, o.Shard, o.Device, o.RunId, o.Set }
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
        // Held from here on: a second resume, or a run still going, must not touch the folder.
        var held = RunLock.Acquire(layout.Root);
        try
        {
            return Resume(context, parse, o, layout, manifest, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private static Prepared Resume(CliContext context, ParseResult parse, RunCommand.Options o, RunLayout layout, RunManifest manifest, RunLock held)
    {
        var suitesDir = parse.GetResult(o.SuitesDir) is { Implicit: false }
            ? Path.GetFullPath(parse.GetValue(o.SuitesDir)!)
            : manifest.SuitesDirectory ?? Path.GetFullPath(parse.GetValue(o.SuitesDir)!);
        var suites = new SuiteLoader(context.Experiments).LoadDirectory(suitesDir);
        var cells = manifest.Cells.Select(RunMerger.ParseCellId).ToList();
        var plans = Matrix.ForCells(suites, manifest.Profile, cells, manifest.Overrides.Select(ConfigOverrides.Parse).ToList(), manifest.Device);
        CheckDevice(context, manifest.Device);
        var fingerprint = FingerprintCollector.Collect(manifest.Device, context.Backend);
        var hash = FingerprintCollector.Hash(fingerprint);
        if (hash != manifest.FingerprintHash && manifest.OtherFingerprints.All(f => FingerprintCollector.Hash(f) != hash))
        {
            context.Error.WriteLine(
                $"touchstone: warning: the environment differs from the one that started the run ({hash} vs {manifest.FingerprintHash}); " +
                "the cells run now carry the new fingerprint, and manifest.json lists both.");
            manifest = manifest with { OtherFingerprints = [.. manifest.OtherFingerprints, fingerprint] };
            RunFolder.WriteManifest(layout, manifest);
        }
        return new Prepared(suites, plans, layout, manifest, fingerprint, true, held);
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
