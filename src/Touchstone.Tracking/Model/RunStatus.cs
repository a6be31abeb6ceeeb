namespace Touchstone.Tracking.Model;

/// <summary>
/// The lifecycle status of an MLflow run. The numeric values are the ones the file store writes into
/// <c>meta.yaml</c>; the REST API uses the upper-case names.
/// </summary>
public enum RunStatus
{
    /// <summary>The run is in progress.</summary>
    Running = 1,

    /// <summary>The run is scheduled but has not started.</summary>
    Scheduled = 2,

    /// <summary>The run ended successfully.</summary>
    Finished = 3,

    /// <summary>The run ended with an error.</summary>
    Failed = 4,

    /// <summary>The run was stopped before it ended.</summary>
    Killed = 5,
}

/// <summary>Conversions between <see cref="RunStatus"/> and the REST API's names.</summary>
public static class RunStatusNames
{
    /// <summary>The REST name, e.g. <c>FINISHED</c>.</summary>
    public static string ToRestName(this RunStatus status) => status switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Scheduled => "SCHEDULED",
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        RunStatus.Killed => "KILLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not an MLflow run status"),
    };

    /// <summary>Parses a REST name; unknown names give <see langword="null"/>.</summary>
    public static RunStatus? FromRestName(string? name) => name switch
    {
        "RUNNING" => RunStatus.Running,
        "SCHEDULED" => RunStatus.Scheduled,
        "FINISHED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "KILLED" => RunStatus.Killed,
        _ => null,
    };

    /// <summary>True for FINISHED, FAILED and KILLED.</summary>
    public static bool IsTerminal(this RunStatus status) =>
        status is RunStatus.Finished or RunStatus.Failed or RunStatus.Killed;
}
