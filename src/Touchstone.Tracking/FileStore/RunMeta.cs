using System.Globalization;
using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.FileStore;

/// <summary>
/// The fields of a run's <c>meta.yaml</c>: every key MLflow 3.x writes, plus <c>run_uuid</c> that 2.x readers
/// require, with <c>end_time</c> always present and the status as an integer.
/// </summary>
internal sealed record RunMeta(RunInfo Info, string UserId, string LifecycleStage)
{
    public string ToYaml() => MetaYaml.Write(new Dictionary<string, object?>
    {
        ["artifact_uri"] = Info.ArtifactUri,
        ["end_time"] = Info.EndTime,
        ["entry_point_name"] = "",
        ["experiment_id"] = Info.ExperimentId,
        ["lifecycle_stage"] = LifecycleStage,
        ["run_id"] = Info.RunId,
        ["run_name"] = Info.RunName,
        ["run_uuid"] = Info.RunId,
        ["source_name"] = "",
        ["source_type"] = 4,
        ["source_version"] = "",
        ["start_time"] = Info.StartTime,
        ["status"] = (int)Info.Status,
        ["tags"] = Array.Empty<object>(),
        ["user_id"] = UserId,
    });

    public static RunMeta Read(string path)
    {
        var fields = MetaYaml.Read(path);
        string Required(string key) => fields.TryGetValue(key, out var value) && value is not null
            ? value
            : throw new InvalidDataException($"{path}: required field '{key}' is missing");
        long? Time(string key) => fields.TryGetValue(key, out var value) && value is not null
            ? long.Parse(value, CultureInfo.InvariantCulture)
            : null;
        var runId = fields.GetValueOrDefault("run_id") ?? Required("run_uuid");
        var status = fields.GetValueOrDefault("status") is { } text ? (RunStatus)int.Parse(text, CultureInfo.InvariantCulture) : RunStatus.Running;
        var info = new RunInfo(
            runId,
            Required("experiment_id"),
            fields.GetValueOrDefault("run_name") ?? "",
            status,
            Time("start_time") ?? 0,
            Time("end_time"),
            fields.GetValueOrDefault("artifact_uri") ?? "");
        return new RunMeta(info, fields.GetValueOrDefault("user_id") ?? "", fields.GetValueOrDefault("lifecycle_stage") ?? "active");
    }
}

/// <summary>The fields of an experiment's <c>meta.yaml</c>, exactly the key set MLflow writes.</summary>
internal sealed record ExperimentMeta(Experiment Experiment, long CreationTime, long LastUpdateTime)
{
    public string ToYaml() => MetaYaml.Write(new Dictionary<string, object?>
    {
        ["artifact_location"] = Experiment.ArtifactLocation,
        ["creation_time"] = CreationTime,
        ["experiment_id"] = Experiment.ExperimentId,
        ["last_update_time"] = LastUpdateTime,
        ["lifecycle_stage"] = Experiment.LifecycleStage,
        ["name"] = Experiment.Name,
    });

    public static ExperimentMeta Read(string path)
    {
        var fields = MetaYaml.Read(path);
        string Required(string key) => fields.TryGetValue(key, out var value) && value is not null
            ? value
            : throw new InvalidDataException($"{path}: required field '{key}' is missing");
        long Time(string key) => fields.GetValueOrDefault(key) is { } value ? long.Parse(value, CultureInfo.InvariantCulture) : 0;
        var experiment = new Experiment(Required("experiment_id"), Required("name"), Required("artifact_location"), Required("lifecycle_stage"));
        return new ExperimentMeta(experiment, Time("creation_time"), Time("last_update_time"));
    }
}
