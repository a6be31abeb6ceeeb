using System.Text.Json.Nodes;
using Touchstone.Core.Declarations;
using Touchstone.Core.Experiments;
using Touchstone.Core.Planning;
using Touchstone.Testing;

namespace Touchstone.Suites.Tests.Support;

/// <summary>A committed suite file loaded with its experiments, and the cells per profile of one of them bound to
/// that experiment's config.</summary>
/// <typeparam name="TExperiment">The experiment whose cells <see cref="Cells"/> binds (the suite's, or a variant's).</typeparam>
/// <typeparam name="TConfig">Its config record.</typeparam>
/// <param name="fileName">The suite file under suites/.</param>
/// <param name="otherExperiments">The other experiments the suite's variants name.</param>
public sealed class SuiteFile<TExperiment, TConfig>(string fileName, params Func<IExperiment>[] otherExperiments)
    where TExperiment : IExperiment, new()
    where TConfig : class
{
    /// <summary>The loaded suite.</summary>
    public LoadedSuite Suite { get; } = new SuiteLoader(otherExperiments.Aggregate(new ExperimentRegistry().Add<TExperiment>(), (r, e) => r.Add(e)))
        .LoadFiles([RepoPaths.Combine("suites", fileName)])
        .Single();

    /// <summary>The cells of <paramref name="profile"/> on the CPU that run <typeparamref name="TExperiment"/>, in
    /// matrix order, with their bound configs.</summary>
    public IReadOnlyList<(CellId Cell, TConfig Config)> Cells(string profile) =>
        Matrix.Expand([Suite], new MatrixRequest(profile, [], [], null, [], "cpu"))
            .Where(plan => Suite.ExperimentFor(plan.Id.Variant).Key == new TExperiment().Key)
            .Select(plan => (plan.Id, plan.Config.Bind<TConfig>()))
            .ToList();

    /// <summary>
    /// Runs every variant of the full profile once (seed <paramref name="seed"/>) with its config shrunk by
    /// <paramref name="shrink"/> to seconds, and asserts that each reports every final metric declared for it.
    /// </summary>
    public void AssertEveryVariantReportsItsDeclaredMetrics(Action<JsonObject> shrink, int seed)
    {
        foreach (var plan in Matrix.Expand([Suite], new MatrixRequest("full", [], [], [seed], [], "cpu")))
        {
            var config = plan.Config.ToJsonObject();
            shrink(config);
            using var context = new RecordingCellContext(config, plan.Id.Seed, plan.Id.Variant);
            new TExperiment().Run(context);

            var reported = context.Finals.Select(f => $"{f.Split}/{f.Metric}").ToHashSet();
            Assert.All(Suite.Declaration.Metrics.Where(m => m.AppliesTo(plan.Id.Variant)), m => Assert.Contains(m.Key, reported));
        }
    }
}
