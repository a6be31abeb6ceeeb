using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Outbox;

/// <summary>A run as the tracker knows it: created in this session or found in the outbox of an earlier one.</summary>
public sealed class TrackedRun
{
    internal TrackedRun(StartRunEntry start)
    {
        Key = start.RunKey;
        Name = start.RunName;
        ExperimentName = start.ExperimentName;
        Label = start.Label;
        ParentKey = start.ParentKey;
    }

    /// <summary>The client key (32 hex); the file store's run id.</summary>
    public string Key { get; }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>Experiment the run belongs to.</summary>
    public string ExperimentName { get; }

    /// <summary>The caller's label, if it gave one.</summary>
    public string? Label { get; }

    /// <summary>Key of the parent run, for nested runs.</summary>
    public string? ParentKey { get; }

    /// <summary>The last status set through the tracker.</summary>
    public RunStatus Status { get; internal set; } = RunStatus.Running;

    /// <summary>The last end time set (epoch ms), or null.</summary>
    public long? EndTime { get; internal set; }

    /// <summary>Params logged so far (as accepted), for refusing a changed value before it reaches the store.</summary>
    internal Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);
}
