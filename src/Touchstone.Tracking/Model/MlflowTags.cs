namespace Touchstone.Tracking.Model;

/// <summary>Names of the tags MLflow itself gives meaning to, and the one this client adds.</summary>
public static class MlflowTags
{
    /// <summary>The user who created the run.</summary>
    public const string User = "mlflow.user";

    /// <summary>The program that created the run (Python's <c>sys.argv[0]</c>).</summary>
    public const string SourceName = "mlflow.source.name";

    /// <summary>LOCAL, NOTEBOOK, JOB, PROJECT or UNKNOWN.</summary>
    public const string SourceType = "mlflow.source.type";

    /// <summary>The 40-hex git commit of the source.</summary>
    public const string GitCommit = "mlflow.source.git.commit";

    /// <summary>The run's display name.</summary>
    public const string RunName = "mlflow.runName";

    /// <summary>The id of the parent run of a nested run.</summary>
    public const string ParentRunId = "mlflow.parentRunId";

    /// <summary>Markdown description shown in the UI.</summary>
    public const string NoteContent = "mlflow.note.content";

    /// <summary>
    /// The client-chosen key of a run (not an MLflow tag): lets an interrupted create be found instead of repeated.
    /// </summary>
    public const string ClientRunKey = "tracking.client_run_key";
}
