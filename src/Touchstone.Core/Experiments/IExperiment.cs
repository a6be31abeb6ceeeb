namespace Touchstone.Core.Experiments;

/// <summary>
/// An experiment: trains and evaluates one cell from its resolved config. Implementations live in
/// Touchstone.Suites, one folder each, and are found by <see cref="Key"/> (the suite YAML's <c>experiment:</c>).
/// </summary>
public interface IExperiment
{
    /// <summary>The key a suite declaration names in <c>experiment:</c>.</summary>
    string Key { get; }

    /// <summary>
    /// The typed config record of this experiment: the single source of truth for the keys and types that the
    /// suite's <c>config:</c>, variants, profiles and command-line overrides may set.
    /// </summary>
    Type ConfigType { get; }

    /// <summary>Runs one cell. Throwing marks the cell failed; the runner records the message.</summary>
    void Run(ICellContext context);
}

/// <summary>Base class binding the resolved config to <typeparamref name="TConfig"/> before running.</summary>
/// <typeparam name="TConfig">The experiment's config record.</typeparam>
public abstract class Experiment<TConfig> : IExperiment
    where TConfig : class
{
    /// <inheritdoc />
    public abstract string Key { get; }

    /// <inheritdoc />
    public Type ConfigType => typeof(TConfig);

    /// <inheritdoc />
    public void Run(ICellContext context) => Run(context, context.Config.Bind<TConfig>());

    /// <summary>Runs one cell with its typed config.</summary>
    protected abstract void Run(ICellContext context, TConfig config);
}
