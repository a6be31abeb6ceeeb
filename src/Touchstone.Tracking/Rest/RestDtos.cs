using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Rest;

// The request and response shapes of MLflow's REST API (prefix /api/2.0/mlflow), as snake_case JSON.
// Missing fields in responses are defaults, so every response property is nullable.

internal sealed record KeyValueDto(string Key, string? Value);

internal sealed record MetricDto(string Key, double Value, long Timestamp, long? Step)
{
    public static MetricDto From(Metric metric) => new(metric.Key, metric.Value, metric.Timestamp, metric.Step);

    public Metric ToMetric() => new(Key, Value, Timestamp, Step ?? 0);
}

internal sealed record ExperimentDto(
    string? ExperimentId,
    string? Name,
    string? ArtifactLocation,
    string? LifecycleStage)
{
    public Experiment ToExperiment() => new(ExperimentId ?? "", Name ?? "", ArtifactLocation ?? "", LifecycleStage ?? "active");
}

internal sealed record ExperimentResponse(ExperimentDto? Experiment);

internal sealed record CreateExperimentBody(string Name);

internal sealed record CreateExperimentResponse(string? ExperimentId);

internal sealed record RunInfoDto(
    string? RunId,
    string? RunUuid,
    string? ExperimentId,
    string? RunName,
    string? UserId,
    string? Status,
    long? StartTime,
    long? EndTime,
    string? ArtifactUri,
    string? LifecycleStage)
{
    public RunInfo ToRunInfo() => new(
        RunId ?? RunUuid ?? "",
        ExperimentId ?? "",
        RunName ?? "",
        RunStatusNames.FromRestName(Status) ?? RunStatus.Running,
        StartTime ?? 0,
        EndTime,
        ArtifactUri ?? "");
}

internal sealed record RunDataDto(List<MetricDto>? Metrics, List<KeyValueDto>? Params, List<KeyValueDto>? Tags);

internal sealed record RunDto(RunInfoDto? Info, RunDataDto? Data);

internal sealed record RunResponse(RunDto? Run);

internal sealed record CreateRunBody(string ExperimentId, string? UserId, string RunName, long StartTime, List<KeyValueDto> Tags);

internal sealed record UpdateRunBody(string RunId, string Status, long? EndTime);

internal sealed record LogBatchBody(string RunId, List<MetricDto> Metrics, List<KeyValueDto> Params, List<KeyValueDto> Tags);

internal sealed record SearchRunsBody(List<string> ExperimentIds, string Filter, string RunViewType, int MaxResults);

internal sealed record SearchRunsResponse(List<RunDto>? Runs, string? NextPageToken);

internal sealed record MetricHistoryResponse(List<MetricDto>? Metrics, string? NextPageToken);

internal sealed record ErrorBody(string? ErrorCode, string? Message);
