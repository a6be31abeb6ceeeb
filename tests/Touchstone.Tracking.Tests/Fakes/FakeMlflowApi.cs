using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Tests.Fakes;

/// <summary>
/// The REST endpoints of the fake server, enforcing the request shapes, limits and errors that the reference
/// documents for a real MLflow server (experiment_id as a JSON string, log-batch limits, duplicate params,
/// immutable params, required metric fields, the get-history max_results quirk).
/// </summary>
internal sealed partial class FakeMlflowApi(FakeMlflowState state, bool fileBackedErrors)
{
    public object Handle(string endpoint, IQueryCollection query, JsonElement body) => endpoint switch
    {
        "experiments/get-by-name" => GetExperimentByName(Required(query, "experiment_name")),
        "experiments/create" => CreateExperiment(body),
        "runs/create" => CreateRun(body),
        "runs/update" => UpdateRun(body),
        "runs/log-batch" => LogBatch(body),
        "runs/get" => new { run = RunJson(Run(Required(query, "run_id"))) },
        "runs/search" => SearchRuns(body),
        "metrics/get-history" => History(query),
        _ => throw new ApiError(404, "ENDPOINT_NOT_FOUND", $"no endpoint {endpoint}"),
    };

    public static bool IsPost(string endpoint) => endpoint is "experiments/create" or "runs/create" or "runs/update" or "runs/log-batch" or "runs/search";

    private object GetExperimentByName(string name)
    {
        var experiment = state.Experiments.FirstOrDefault(e => e.Name == name)
            ?? throw ApiError.NotFound($"Could not find experiment with name '{name}'");
        return new
        {
            experiment = new
            {
                experiment_id = experiment.Id,
                name = experiment.Name,
                artifact_location = experiment.ArtifactLocation,
                lifecycle_stage = experiment.LifecycleStage,
                creation_time = 1L,
                last_update_time = 1L,
                tags = Array.Empty<object>(),
            },
        };
    }

    private object CreateExperiment(JsonElement body)
    {
        var name = String(body, "name") ?? throw ApiError.Invalid("Missing value for required parameter 'name'.");
        if (state.Experiments.Any(e => e.Name == name))
        {
            throw new ApiError(400, "RESOURCE_ALREADY_EXISTS", $"Experiment '{name}' already exists.");
        }
        var id = state.NextExperimentId++.ToString();
        state.Experiments.Add(new FakeExperiment(id, name, state.ArtifactLocationFor(id), "active"));
        return new { experiment_id = id };
    }

    private object CreateRun(JsonElement body)
    {
        if (!body.TryGetProperty("experiment_id", out var experimentId) || experimentId.ValueKind != JsonValueKind.String)
        {
            throw ApiError.Invalid("Invalid value for parameter 'experiment_id': it must be a string");
        }
        var experiment = state.Experiments.FirstOrDefault(e => e.Id == experimentId.GetString())
            ?? throw ApiError.NotFound($"No Experiment with id={experimentId.GetString()} exists");
        var runName = String(body, "run_name") ?? "fake-run-1";
        var tags = KeyValues(body, "tags");
        if (tags.FirstOrDefault(t => t.Key == MlflowTags.RunName) is { } nameTag && nameTag.Value != runName)
        {
            throw ApiError.Invalid($"Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='{runName}', mlflow.runName='{nameTag.Value}').");
        }
        var runId = Guid.NewGuid().ToString("N");
        var run = new FakeRun
        {
            RunId = runId,
            ExperimentId = experiment.Id,
            RunName = runName,
            UserId = String(body, "user_id") ?? "",
            StartTime = Int64(body, "start_time") ?? 0,
            ArtifactUri = $"{experiment.ArtifactLocation}/{runId}/artifacts",
        };
        foreach (var (key, value) in tags)
        {
            CheckKey(key);
            run.Tags[key] = value;
        }
        run.Tags[MlflowTags.RunName] = runName;
        state.Runs[runId] = run;
        return new { run = RunJson(run) };
    }

    private object UpdateRun(JsonElement body)
    {
        var run = Run(String(body, "run_id") ?? throw ApiError.Invalid("Missing value for required parameter 'run_id'."));
        if (String(body, "status") is { } status)
        {
            if (RunStatusNames.FromRestName(status) is null)
            {
                throw ApiError.Invalid($"Invalid value {status} for parameter 'status'");
            }
            run.Status = status;
        }
        if (Int64(body, "end_time") is { } end)
        {
            run.EndTime = end;
        }
        return new { run_info = InfoJson(run) };
    }

    private object LogBatch(JsonElement body)
    {
        var run = Run(String(body, "run_id") ?? throw ApiError.Invalid("Missing value for required parameter 'run_id'."));
        var metrics = body.TryGetProperty("metrics", out var m) ? m.EnumerateArray().ToList() : [];
        var @params = KeyValues(body, "params");
        var tags = KeyValues(body, "tags");
        Limit(metrics.Count, 1000, "metrics");
        Limit(@params.Count, 100, "params");
        Limit(tags.Count, 100, "tags");
        Limit(metrics.Count + @params.Count + tags.Count, 1000, "total entities");
        if (@params.GroupBy(p => p.Key).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw ApiError.Invalid($"Duplicate parameter keys have been submitted: ['{duplicate.Key}']. Please ensure the request contains only one param value per param key.");
        }
        var parsed = metrics.Select(ParseMetric).ToList();
        foreach (var key in parsed.Select(p => p.Key).Concat(@params.Select(p => p.Key)).Concat(tags.Select(t => t.Key)))
        {
            CheckKey(key);
        }
        foreach (var (key, value) in @params)
        {
            if (run.Params.TryGetValue(key, out var existing) && existing != value)
            {
                var message = $"Changing param values is not allowed. Param with key='{key}' was already logged with value='{existing}' for run ID='{run.RunId}'. Attempted logging new value '{value}'.";
                // A file-store-backed server wraps any error inside log-batch as a 500 (and has written what came before).
                throw fileBackedErrors ? new ApiError(500, "INTERNAL_ERROR", message) : ApiError.Invalid(message);
            }
            run.Params[key] = value;
        }
        run.Metrics.AddRange(parsed);
        foreach (var (key, value) in tags)
        {
            run.Tags[key] = value;
            if (key == MlflowTags.RunName)
            {
                run.RunName = value;
            }
        }
        return new { };
    }

    private object SearchRuns(JsonElement body)
    {
        var ids = body.TryGetProperty("experiment_ids", out var e) ? e.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
        var filter = String(body, "filter") ?? "";
        var match = TagFilter().Match(filter);
        if (filter.Length > 0 && !match.Success)
        {
            throw ApiError.Invalid($"Invalid comparison clause '{filter}'");
        }
        var runs = state.Runs.Values
            .Where(r => ids.Contains(r.ExperimentId))
            .Where(r => !match.Success || r.Tags.GetValueOrDefault(match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["plain"].Value) == match.Groups["value"].Value)
            .Select(RunJson)
            .ToList();
        return new { runs };
    }

    private object History(IQueryCollection query)
    {
        var run = Run(Required(query, "run_id"));
        var key = Required(query, "metric_key");
        var all = run.Metrics.Where(m => m.Key == key).ToList();
        if (!int.TryParse(query["max_results"], out var max))
        {
            // The 3.2+ file-store server's bug: without max_results only a page token comes back.
            return new { next_page_token = "page-1" };
        }
        var offset = int.TryParse(query["page_token"], out var token) ? token : 0;
        var page = all.Skip(offset).Take(max).Select(x => MetricJson(x, run.RunId)).ToList();
        return offset + max < all.Count
            ? new { metrics = page, next_page_token = (string?)(offset + max).ToString() }
            : new { metrics = page, next_page_token = (string?)null };
    }

    private static Metric ParseMetric(JsonElement element)
    {
        var key = String(element, "key") ?? throw ApiError.Invalid("Missing value for required parameter 'metrics[*].key'.");
        if (!element.TryGetProperty("value", out var value))
        {
            throw ApiError.Invalid("Missing value for required parameter 'metrics[*].value'.");
        }
        var number = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when value.GetString() == "NaN" => double.NaN,
            JsonValueKind.String when value.GetString() == "Infinity" => double.PositiveInfinity,
            JsonValueKind.String when value.GetString() == "-Infinity" => double.NegativeInfinity,
            _ => throw ApiError.Invalid($"Invalid value {value} for parameter 'metrics[*].value'"),
        };
        var timestamp = Int64(element, "timestamp") ?? throw ApiError.Invalid("Missing value for required parameter 'metrics[*].timestamp'.");
        return new Metric(key, number, timestamp, Int64(element, "step") ?? 0);
    }

    private FakeRun Run(string runId) => state.Runs.TryGetValue(runId, out var run) ? run : throw ApiError.NotFound($"Run '{runId}' not found");

    private static object RunJson(FakeRun run) => new
    {
        info = InfoJson(run),
        data = new
        {
            metrics = run.Metrics.GroupBy(m => m.Key)
                .Select(g => g.OrderBy(m => m.Step).ThenBy(m => m.Timestamp).ThenBy(m => m.Value).Last())
                .Select(m => MetricJson(m, null)).ToList(),
            @params = run.Params.Select(p => new { key = p.Key, value = p.Value }).ToList(),
            tags = run.Tags.Select(t => new { key = t.Key, value = t.Value }).ToList(),
        },
        inputs = new { },
    };

    private static object InfoJson(FakeRun run) => new
    {
        run_id = run.RunId,
        run_uuid = run.RunId,
        experiment_id = run.ExperimentId,
        run_name = run.RunName,
        user_id = run.UserId,
        status = run.Status,
        start_time = run.StartTime,
        end_time = run.EndTime,
        artifact_uri = run.ArtifactUri,
        lifecycle_stage = "active",
    };

    private static object MetricJson(Metric m, string? runId) => new { key = m.Key, value = m.Value, timestamp = m.Timestamp, step = m.Step, run_id = runId };

    private static void Limit(int count, int limit, string what)
    {
        if (count > limit)
        {
            throw ApiError.Invalid($"A batch logging request can contain at most {limit} {what}. Got {count} {what}. Please split up {what} across multiple requests and try again.");
        }
    }

    // MLflow's key rule, written here independently of the client's KeyRules.
    private static void CheckKey(string key)
    {
        var normalized = string.Join('/', key.Split('/').Where(s => s is not ("" or ".")));
        if (!KeyPattern().IsMatch(key) || key.Length == 0 || key.StartsWith('/') || key.StartsWith("..") || normalized != key || key.Split('/').Contains("..") || key.Length > 250)
        {
            throw ApiError.Invalid($"Invalid value \"{key}\" for parameter 'key' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).");
        }
    }

    private static List<(string Key, string Value)> KeyValues(JsonElement body, string name) =>
        body.TryGetProperty(name, out var list)
            ? list.EnumerateArray().Select(e => (String(e, "key") ?? throw ApiError.Invalid($"Missing value for required parameter '{name}[*].key'."), String(e, "value") ?? "")).ToList()
            : [];

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Int64(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number => value.GetInt64(),
                JsonValueKind.String => long.Parse(value.GetString()!),
                JsonValueKind.Null => null,
                _ => throw ApiError.Invalid($"Invalid value for parameter '{name}'"),
            }
            : null;

    private static string Required(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { Length: > 0 } value ? value : throw ApiError.Invalid($"Missing value for required parameter '{name}'.");

    [GeneratedRegex(@"^[/\w.\- :]*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^tags\.(?:`(?<quoted>[^`]+)`|(?<plain>[\w.]+))\s*=\s*'(?<value>[^']*)'$")]
    private static partial Regex TagFilter();
}
