using Touchstone.Core.Declarations;
using Touchstone.Core.Experiments;
using Touchstone.Core.Planning;
using Touchstone.Testing;

namespace Touchstone.Suites.Tests.Support;

/// <summary>A committed suite file loaded with its experiment, and the cells a profile expands to, bound to the config record.</summary>
/// <typeparam name="TExperiment">The experiment the suite names.</typeparam>
/// <typeparam name="TConfig">Its config record.</typeparam>
internal sealed class SuiteFile<TExperiment, TConfig>(string fileName)
    where TExperiment : IExperiment, new()
    where TConfig : class
{
    private readonly LoadedSuite _suite = new SuiteLoader(new ExperimentRegistry().Add<TExperiment>())
        .LoadFiles([RepoPaths.Combine("suites", fileName)])
        .Single();

    /// <summary>The loaded suite (declaration and metrics).</summary>
    public LoadedSuite Loaded => _suite;

    /// <summary>The cells of <paramref name="profile"/> on the CPU, with their bound configs.</summary>
    public IReadOnlyList<(CellId Cell, TConfig Config)> Cells(string profile) =>
        Matrix.Expand([_suite], new MatrixRequest(profile, [], [], null, [], "cpu"))
            .Select(plan => (plan.Id, plan.Config.Bind<TConfig>()))
            .ToList();
}
