using Touchstone.Core.Declarations.Schema;

namespace Touchstone.Core.Experiments;

/// <summary>A registered experiment: its key, its config schema, and how to make a fresh instance for a cell.</summary>
/// <param name="Key">The key suites name in <c>experiment:</c>.</param>
/// <param name="ConfigType">The experiment's config record.</param>
/// <param name="Schema">The schema derived from <paramref name="ConfigType"/>.</param>
/// <param name="Create">Makes a new instance; the runner makes one per cell, so cells never share state.</param>
public sealed record ExperimentRegistration(string Key, Type ConfigType, ObjectSchema Schema, Func<IExperiment> Create);

/// <summary>Maps experiment keys to implementations. Touchstone.Suites fills one in its ExperimentCatalog.</summary>
public sealed class ExperimentRegistry
{
    private readonly SortedDictionary<string, ExperimentRegistration> _byKey = new(StringComparer.Ordinal);

    /// <summary>Every registration, by key.</summary>
    public IReadOnlyCollection<ExperimentRegistration> All => _byKey.Values;

    /// <summary>Registers an experiment type with a public parameterless constructor.</summary>
    public ExperimentRegistry Add<TExperiment>() where TExperiment : IExperiment, new() => Add(() => new TExperiment());

    /// <summary>
    /// Registers an experiment made by <paramref name="factory"/>. Its config type's schema is derived now, so a
    /// config record Touchstone cannot bind fails here, at startup, rather than when a suite is loaded.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key is taken or the config type is not supported.</exception>
    public ExperimentRegistry Add(Func<IExperiment> factory)
    {
        var probe = factory();
        if (_byKey.ContainsKey(probe.Key))
        {
            throw new InvalidOperationException($"Two experiments are registered under the key '{probe.Key}'.");
        }
        var schema = SchemaBuilder.ForRecord(probe.ConfigType);
        foreach (var reserved in new[] { "description", "experiment" })
        {
            if (schema.Find(reserved) is not null)
            {
                throw new InvalidOperationException(
                    $"Experiment '{probe.Key}': its config has a top-level key '{reserved}', which variants use for their {reserved}.");
            }
        }
        _byKey[probe.Key] = new ExperimentRegistration(probe.Key, probe.ConfigType, schema, factory);
        return this;
    }

    /// <summary>The registration for <paramref name="key"/>, if any.</summary>
    public ExperimentRegistration? Find(string key) => _byKey.GetValueOrDefault(key);
}
