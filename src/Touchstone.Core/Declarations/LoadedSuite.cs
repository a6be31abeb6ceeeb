using Touchstone.Core.Experiments;

namespace Touchstone.Core.Declarations;

/// <summary>A validated suite together with the experiment that runs it.</summary>
/// <param name="Declaration">The suite as declared.</param>
/// <param name="Experiment">Its experiment (key, config schema, factory).</param>
public sealed record LoadedSuite(SuiteDeclaration Declaration, ExperimentRegistration Experiment)
{
    /// <summary>The suite's name.</summary>
    public string Name => Declaration.Name;

    /// <summary>The profile named <paramref name="name"/>, or null.</summary>
    public ProfileDeclaration? Profile(string name) => Declaration.Profiles.FirstOrDefault(p => p.Name == name);

    /// <summary>The variant named <paramref name="name"/>, or null.</summary>
    public VariantDeclaration? Variant(string name) => Declaration.Variants.FirstOrDefault(v => v.Name == name);
}
