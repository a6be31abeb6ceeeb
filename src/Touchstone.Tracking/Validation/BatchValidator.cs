using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Validation;

/// <summary>What kind of entity a validation issue is about.</summary>
public enum EntityKind
{
    /// <summary>A metric value.</summary>
    Metric,

    /// <summary>A parameter.</summary>
    Param,

    /// <summary>A tag.</summary>
    Tag,
}

/// <summary>One problem found in a batch before it was logged.</summary>
/// <param name="Kind">Metric, param or tag.</param>
/// <param name="Key">The key concerned.</param>
/// <param name="Message">What is wrong and what was done.</param>
/// <param name="Rejected">True when the entity was dropped; false when it was kept (e.g. truncated).</param>
public sealed record ValidationIssue(EntityKind Kind, string Key, string Message, bool Rejected)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>A batch after validation: what may be logged, and what was changed or refused.</summary>
/// <param name="Accepted">The entities that may be logged, long values already truncated.</param>
/// <param name="Issues">Every problem, in the order found.</param>
public sealed record ValidatedBatch(LogBatch Accepted, IReadOnlyList<ValidationIssue> Issues);

/// <summary>
/// Checks a batch against MLflow's rules before it is journaled or sent, so the server never has to refuse it:
/// invalid keys, negative timestamps and conflicting duplicate params are refused one by one (the rest of the
/// batch still goes through); over-long values are truncated like MLflow ≥ 2.11 does.
/// </summary>
/// <param name="truncateLongValues">False to refuse over-long values instead (<c>MLFLOW_TRUNCATE_LONG_VALUES=false</c>).</param>
public sealed class BatchValidator(bool truncateLongValues = true)
{
    private const int KeyCacheLimit = 10_000;

    // Curves log the same few keys thousands of times; remember each key's verdict (not thread-safe, like its owner).
    private readonly Dictionary<string, string?> _keyProblems = new(StringComparer.Ordinal);

    /// <summary>Validates <paramref name="batch"/>; <paramref name="runName"/> names the run in messages.</summary>
    public ValidatedBatch Validate(LogBatch batch, string runName)
    {
        var issues = new List<ValidationIssue>();
        var metrics = batch.Metrics.Where(m => CheckMetric(m, runName, issues)).ToList();
        var @params = new List<Param>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var param in batch.Params)
        {
            var value = CheckValue(EntityKind.Param, param.Key, param.Value, ValueLimits.MaxParamValueLength, runName, issues);
            if (value is null)
            {
                continue;
            }
            if (seen.TryGetValue(param.Key, out var earlier))
            {
                if (earlier != value)
                {
                    issues.Add(new ValidationIssue(EntityKind.Param, param.Key,
                        $"run '{runName}': param '{param.Key}' is given twice with different values ('{Short(earlier)}' and '{Short(value)}'); params are immutable, the second was dropped",
                        Rejected: true));
                }
                continue;
            }
            seen.Add(param.Key, value);
            @params.Add(new Param(param.Key, value));
        }
        var tags = new Dictionary<string, RunTag>(StringComparer.Ordinal);
        foreach (var tag in batch.Tags)
        {
            var value = CheckValue(EntityKind.Tag, tag.Key, tag.Value, ValueLimits.MaxTagValueLength, runName, issues);
            if (value is not null)
            {
                // A tag set twice in one batch keeps the last value, as sequential set-tag calls would.
                tags.Remove(tag.Key);
                tags.Add(tag.Key, new RunTag(tag.Key, value));
            }
        }
        return new ValidatedBatch(new LogBatch(metrics, @params, tags.Values.ToList()), issues);
    }

    /// <summary>Why <paramref name="name"/> cannot be an experiment name, or null when it can.</summary>
    public static string? ExperimentNameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "the experiment name is empty";
        }
        var length = KeyRules.CodePointLength(name);
        return length > ValueLimits.MaxExperimentNameLength
            ? $"the experiment name is {length} characters long; the limit is {ValueLimits.MaxExperimentNameLength}"
            : null;
    }

    private bool CheckMetric(Metric metric, string runName, List<ValidationIssue> issues)
    {
        var problem = KeyProblem(metric.Key);
        if (problem is null && metric.Timestamp < 0)
        {
            problem = $"the timestamp {metric.Timestamp} is negative; use Unix epoch milliseconds";
        }
        if (problem is null)
        {
            return true;
        }
        issues.Add(new ValidationIssue(EntityKind.Metric, metric.Key,
            $"run '{runName}': metric '{metric.Key}' (step {metric.Step}) was dropped: {problem}", Rejected: true));
        return false;
    }

    private string? CheckValue(EntityKind kind, string key, string? value, int limit, string runName, List<ValidationIssue> issues)
    {
        var noun = kind == EntityKind.Param ? "param" : "tag";
        var problem = KeyProblem(key) ?? (value is null ? "the value is null" : null);
        if (problem is not null)
        {
            issues.Add(new ValidationIssue(kind, key, $"run '{runName}': {noun} '{key}' was dropped: {problem}", Rejected: true));
            return null;
        }
        var length = KeyRules.CodePointLength(value!);
        if (length <= limit)
        {
            return value;
        }
        if (!truncateLongValues)
        {
            issues.Add(new ValidationIssue(kind, key,
                $"run '{runName}': {noun} '{key}' was dropped: its value is {length} characters long; the limit is {limit} (MLFLOW_TRUNCATE_LONG_VALUES=false)",
                Rejected: true));
            return null;
        }
        issues.Add(new ValidationIssue(kind, key,
            $"run '{runName}': {noun} '{key}' value was truncated from {length} to {limit} characters, as MLflow does",
            Rejected: false));
        return ValueLimits.Truncate(value!, limit);
    }

    private string? KeyProblem(string key)
    {
        if (_keyProblems.TryGetValue(key, out var known))
        {
            return known;
        }
        var problem = KeyRules.Problem(key);
        if (_keyProblems.Count < KeyCacheLimit)
        {
            _keyProblems[key] = problem;
        }
        return problem;
    }

    private static string Short(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
