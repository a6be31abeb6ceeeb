using System.Text.Json.Nodes;
using Touchstone.Core.Declarations;
using Touchstone.Core.Declarations.Schema;
using Touchstone.Core.Declarations.Yaml;
using Touchstone.Core.Experiments;

namespace Touchstone.Core.Planning;

/// <summary>
/// Resolves a cell's config: the suite's defaults, then the variant's overrides, then the profile's, then the
/// command line's, in that order (later wins), checked once more against the experiment's schema as a whole.
/// </summary>
public static class ConfigResolver
{
    /// <summary>The resolved config, or null with the problems added to <paramref name="errors"/>.</summary>
    /// <param name="suite">The suite.</param>
    /// <param name="variant">The variant of the cell.</param>
    /// <param name="profile">The profile of the run.</param>
    /// <param name="commandLine">Command-line overrides already checked with <see cref="CheckCommandLine"/>.</param>
    /// <param name="errors">Receives the problems.</param>
    public static ResolvedConfig? Resolve(
        LoadedSuite suite,
        VariantDeclaration variant,
        ProfileDeclaration profile,
        IReadOnlyList<ConfigOverride> commandLine,
        List<Diagnostic> errors)
    {
        var before = errors.Count;
        var experiment = suite.ExperimentFor(variant.Name);
        var tree = suite.BaseConfig(experiment).DeepClone().AsObject();
        var schema = experiment.Schema;
        var profileOverrides = suite.IsMixed ? profile.OverridesByExperiment.GetValueOrDefault(experiment.Key) ?? [] : profile.Overrides;
        Apply(schema, tree, variant.Overrides, $"variant '{variant.Name}'", errors);
        Apply(schema, tree, profileOverrides, $"profile '{profile.Name}'", errors);
        // In a suite of several experiments a command-line key applies where the variant's experiment has it.
        Apply(schema, tree, commandLine.Where(o => !suite.IsMixed || Has(schema, o.Path)).ToList(), "command-line", errors);
        if (errors.Count > before)
        {
            return null;
        }
        var where = $"{suite.Name} (variant '{variant.Name}', profile '{profile.Name}')";
        var checkErrors = new List<Diagnostic>();
        var normal = new SchemaValidator(Locator.None, checkErrors).Normalize(schema, tree, "config", null);
        errors.AddRange(checkErrors.Select(d => d with { Message = $"resolved config of {where}: {d.Message}" }));
        return checkErrors.Count == 0 ? new ResolvedConfig((JsonObject)normal!) : null;
    }

    /// <summary>Checks command-line overrides against a suite's config schema and returns them as normalized leaves.</summary>
    public static IReadOnlyList<ConfigOverride> CheckCommandLine(
        LoadedSuite suite, IReadOnlyList<ConfigOverride> overrides, List<Diagnostic> errors)
    {
        var leaves = new List<ConfigOverride>();
        foreach (var item in overrides)
        {
            var before = errors.Count;
            // In a suite of several experiments a key must exist in one of them (the first that has it types it).
            var schema = Owners(suite.Experiments, item.Path)[0].Schema;
            var checkedLeaves = ConfigOverrides.Check(schema, item, Locator.None, "command-line", errors);
            for (var i = before; i < errors.Count; i++)
            {
                errors[i] = errors[i] with { Message = $"suite '{suite.Name}': {errors[i].Message}" };
            }
            leaves.AddRange(checkedLeaves);
        }
        return leaves;
    }

    /// <summary>
    /// The experiments (of a suite's, the suite's first) whose config has <paramref name="path"/>; if none has it,
    /// those that have its first segment, else the first: the one to report an unknown key against.
    /// </summary>
    public static IReadOnlyList<ExperimentRegistration> Owners(IReadOnlyList<ExperimentRegistration> experiments, string path)
    {
        var owners = experiments.Where(e => Has(e.Schema, path)).ToList();
        if (owners.Count > 0)
        {
            return owners;
        }
        var first = path.Split('.')[0];
        return [experiments.FirstOrDefault(e => e.Schema.Find(first) is not null) ?? experiments[0]];
    }

    /// <summary>Whether <paramref name="path"/> names a key of <paramref name="schema"/>.</summary>
    public static bool Has(ObjectSchema schema, string path) => ConfigOverrides.Resolve(schema, path, out _) is not null;

    private static void Apply(
        ObjectSchema schema, JsonObject tree, IReadOnlyList<ConfigOverride> overrides, string origin, List<Diagnostic> errors)
    {
        foreach (var leaf in overrides)
        {
            ConfigOverrides.Apply(schema, tree, leaf, origin, errors);
        }
    }
}
