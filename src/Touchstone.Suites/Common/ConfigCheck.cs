using System.Globalization;

namespace Touchstone.Suites.Common;

/// <summary>
/// Checks a config's values that binding cannot (ranges, relations between keys) in one style: every rule names
/// the key as the suite file spells it (<c>training.lr</c>), what it must be and the value it got, and all broken
/// rules are reported together. A config record implements <c>Validate(ConfigCheck)</c> for its own keys, nested
/// records get <see cref="At"/>, and the experiment calls <see cref="Validate"/> first thing in its run.
/// </summary>
/// <example><code>
/// public void Validate(ConfigCheck check)          // on the record of the "training" section
/// {
///     check.Positive("lr", Lr).Positive("batch_size", BatchSize).Probability("dropout", Dropout)
///          .Require(Warmup &lt;= Steps, "warmup", $"must not exceed training.steps ({Steps})", Warmup);
/// }
/// // in the experiment's Run: ConfigCheck.Validate("spectral", check =&gt; config.Validate(check));
/// </code></example>
public sealed class ConfigCheck
{
    private readonly string _config;
    private readonly string _prefix;
    private readonly List<string> _problems;

    /// <summary>A check of the config of experiment <paramref name="config"/> (the name appears in messages).</summary>
    public ConfigCheck(string config)
        : this(config, "", [])
    {
    }

    private ConfigCheck(string config, string prefix, List<string> problems)
    {
        _config = config;
        _prefix = prefix;
        _problems = problems;
    }

    /// <summary>The problems found so far, each "key rule (got value)".</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The same check for the keys of a nested section: <c>At("training").Positive("lr", …)</c> reports
    /// <c>training.lr</c>.</summary>
    public ConfigCheck At(string section) => new(_config, $"{_prefix}{section}.", _problems);

    /// <summary>Records a problem with <paramref name="key"/> unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">The rule holds.</param>
    /// <param name="key">The key relative to this section, in snake_case.</param>
    /// <param name="rule">What the value must be, e.g. "must be positive".</param>
    /// <param name="value">The value it got.</param>
    public ConfigCheck Require(bool condition, string key, string rule, object? value)
    {
        if (!condition)
        {
            _problems.Add($"{_prefix}{key} {rule} (got {Show(value)})");
        }
        return this;
    }

    /// <summary>The value must be greater than zero.</summary>
    public ConfigCheck Positive(string key, double value) => Require(value > 0, key, "must be positive", value);

    /// <summary>The value must not be negative.</summary>
    public ConfigCheck NonNegative(string key, double value) => Require(value >= 0, key, "must not be negative", value);

    /// <summary>The value must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public ConfigCheck InRange(string key, double value, double min, double max) =>
        Require(value >= min && value <= max, key, $"must be in [{Show(min)}, {Show(max)}]", value);

    /// <summary>The value must be a probability below one, [0, 1) (dropout, masking rates).</summary>
    public ConfigCheck Probability(string key, double value) => Require(value is >= 0 and < 1, key, "must be in [0, 1)", value);

    /// <summary>The value must be a share of something, (0, 1] (evaluation ratios, split fractions).</summary>
    public ConfigCheck Fraction(string key, double value) => Require(value is > 0 and <= 1, key, "must be in (0, 1]", value);

    /// <summary>Throws <see cref="ConfigException"/> listing every problem found, if any.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count == 1)
        {
            throw new ConfigException($"{_config} config: {_problems[0]}. Fix it in the suite file or with a key.path=value override.");
        }
        if (_problems.Count > 1)
        {
            throw new ConfigException($"{_config} config has {_problems.Count} problems: {string.Join("; ", _problems)}. " +
                "Fix them in the suite file or with key.path=value overrides.");
        }
    }

    /// <summary>Runs <paramref name="rules"/> on a fresh check of <paramref name="config"/> and throws if any broke.</summary>
    /// <exception cref="ConfigException">A rule broke; the message lists them all.</exception>
    public static void Validate(string config, Action<ConfigCheck> rules)
    {
        var check = new ConfigCheck(config);
        rules(check);
        check.ThrowIfAny();
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}

/// <summary>A config value broke a rule of its experiment; the message names the key(s) and the value(s).</summary>
public sealed class ConfigException(string message) : ArgumentException(message);
