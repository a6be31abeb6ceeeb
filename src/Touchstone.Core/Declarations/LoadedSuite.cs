using System.Text.Json.Nodes;
using Touchstone.Core.Experiments;

namespace Touchstone.Core.Declarations;

/// <summary>A validated suite together with the experiment(s) that run it.</summary>
/// <param name="Declaration">The suite as declared.</param>
/// <param name="Experiment">Its experiment (key, config schema, factory): the one every variant runs unless it names
/// another with its key <c>experiment</c>.</param>
public sealed record LoadedSuite(SuiteDeclaration Declaration, ExperimentRegistration Experiment)
{
    /// <summary>The experiments of variants that name one other than <see cref="Experiment"/>, by variant name.</summary>
    public IReadOnlyDictionary<string, ExperimentRegistration> VariantExperiments { get; init; } =
        new Dictionary<string, ExperimentRegistration>();

    /// <summary>
    /// The suite's <c>config</c> as each other experiment of the suite sees it (the keys its config record has,
    /// normalized with its defaults), by experiment key; <see cref="SuiteDeclaration.Config"/> is the suite
    /// experiment's.
    /// </summary>
    public IReadOnlyDictionary<string, JsonObject> OtherBaseConfigs { get; init; } = new Dictionary<string, JsonObject>();

    /// <summary>The experiment that runs the cells of <paramref name="variant"/>.</summary>
    public ExperimentRegistration ExperimentFor(string variant) => VariantExperiments.GetValueOrDefault(variant) ?? Experiment;

    /// <summary>The suite's experiment and every other experiment a variant names, each once.</summary>
    public IReadOnlyList<ExperimentRegistration> Experiments =>
        [Experiment, .. VariantExperiments.Values.Where(e => e.Key != Experiment.Key).DistinctBy(e => e.Key)];

    /// <summary>Whether the variants of this suite run more than one experiment.</summary>
    public bool IsMixed => Experiments.Count > 1;

    /// <summary>The suite's <c>config</c> as <paramref name="experiment"/> sees it.</summary>
    public JsonObject BaseConfig(ExperimentRegistration experiment) =>
        experiment.Key == Experiment.Key ? Declaration.Config : OtherBaseConfigs[experiment.Key];

    /// <summary>The suite's name.</summary>
    public string Name => Declaration.Name;

    /// <summary>The profile named <paramref name="name"/>, or null.</summary>
    public ProfileDeclaration? Profile(string name) => Declaration.Profiles.FirstOrDefault(p => p.Name == name);

    /// <summary>The variant named <paramref name="name"/>, or null.</summary>
    public VariantDeclaration? Variant(string name) => Declaration.Variants.FirstOrDefault(v => v.Name == name);
}
