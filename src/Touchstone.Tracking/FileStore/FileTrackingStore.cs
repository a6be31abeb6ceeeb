using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Touchstone.Tracking.Errors;
using Touchstone.Tracking.Model;
using Touchstone.Tracking.Validation;

namespace Touchstone.Tracking.FileStore;

/// <summary>
/// Writes and reads MLflow's file-store layout (<c>mlruns/</c>) directly, readable by MLflow 2.x and 3.x
/// (3.13+ only with <c>MLFLOW_ALLOW_FILE_STORE=true</c>). See the layout in the project's README.
/// </summary>
public sealed partial class FileTrackingStore : ITrackingStore
{
    private const string TrashFolder = ".trash";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, string> _runDirectories = new(StringComparer.Ordinal);

    /// <summary>Opens the store at <paramref name="root"/>; nothing is written until the first call that writes.</summary>
    /// <param name="root">The <c>mlruns</c> folder (made absolute).</param>
    /// <param name="clock">Clock for experiment creation times; the system clock by default.</param>
    public FileTrackingStore(string root, TimeProvider? clock = null)
    {
        Root = Path.GetFullPath(root);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The absolute root folder.</summary>
    public string Root { get; }

    /// <inheritdoc />
    public string Target => FileUri.FromPath(Root);

    /// <summary>Makes new experiment ids; by default 18 random decimal digits without a leading zero, as MLflow does.</summary>
    public Func<string> NewExperimentId { get; init; } = RandomExperimentId;

    /// <inheritdoc />
    public Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken) =>
        Io("read experiments", () => AllExperiments().Select(e => e.Experiment).FirstOrDefault(e => e.Name == name));

    /// <inheritdoc />
    public Task<string> CreateExperimentAsync(string name, CancellationToken cancellationToken) => Io("create an experiment", () =>
    {
        EnsureRoot();
        using var _ = ExperimentLock.Acquire(Root);
        if (AllExperiments().Any(e => e.Experiment.Name == name))
        {
            throw new MlflowRestException(400, "RESOURCE_ALREADY_EXISTS", $"experiment '{name}' already exists in {Root}");
        }
        string id;
        do
        {
            id = NewExperimentId();
        }
        while (Directory.Exists(Path.Combine(Root, id)) || Directory.Exists(Path.Combine(Root, TrashFolder, id)));
        WriteExperiment(id, name);
        return id;
    });

    /// <inheritdoc />
    public Task<RunInfo> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken) => Io("create a run", () =>
    {
        if (!RunIdPattern().IsMatch(request.ClientKey))
        {
            throw new TrackingException($"run key '{request.ClientKey}' is not 32 lower-case hex characters");
        }
        var experimentDir = ExperimentDirectory(request.ExperimentId);
        var runDir = Path.Combine(experimentDir, request.ClientKey);
        if (File.Exists(Path.Combine(runDir, "meta.yaml")))
        {
            // A create that was in doubt already happened: the client key is the run id.
            return RunMeta.Read(Path.Combine(runDir, "meta.yaml")).Info;
        }
        var artifactLocation = ExperimentMeta.Read(Path.Combine(experimentDir, "meta.yaml")).Experiment.ArtifactLocation;
        var info = new RunInfo(request.ClientKey, request.ExperimentId, request.RunName, RunStatus.Running,
            request.StartTime, EndTime: null, FileUri.Append(artifactLocation, $"{request.ClientKey}/artifacts"));
        foreach (var folder in new[] { "metrics", "params", "tags", "artifacts" })
        {
            Directory.CreateDirectory(Path.Combine(runDir, folder));
        }
        foreach (var tag in request.Tags.Where(t => t.Key != MlflowTags.RunName))
        {
            WriteText(EntityPath(runDir, "tags", tag.Key), tag.Value);
        }
        WriteText(EntityPath(runDir, "tags", MlflowTags.RunName), request.RunName);
        // meta.yaml last: a run folder without it is skipped by MLflow, so a crash here leaves no broken run.
        WriteAtomically(Path.Combine(runDir, "meta.yaml"), new RunMeta(info, request.UserId, "active").ToYaml());
        _runDirectories[info.RunId] = runDir;
        return info;
    });

    /// <inheritdoc />
    public Task<RunInfo?> FindRunAsync(string experimentId, string clientKey, CancellationToken cancellationToken) =>
        Io("read a run", () =>
        {
            var meta = Path.Combine(Root, experimentId, clientKey, "meta.yaml");
            return File.Exists(meta) ? RunMeta.Read(meta).Info : null;
        });

    /// <inheritdoc />
    public Task<RunSnapshot?> GetRunAsync(string runId, CancellationToken cancellationToken) => Io("read a run", () =>
    {
        var runDir = FindRunDirectory(runId);
        if (runDir is null)
        {
            return null;
        }
        var info = RunMeta.Read(Path.Combine(runDir, "meta.yaml")).Info;
        return new RunSnapshot(info, ReadEntities(runDir, "params"), ReadEntities(runDir, "tags"),
            ListKeys(Path.Combine(runDir, "metrics")).ToList());
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken) =>
        Io("read a metric", () =>
        {
            var path = EntityPath(RequireRunDirectory(runId), "metrics", key);
            return File.Exists(path) ? MetricFile.Parse(key, File.ReadAllText(path, Utf8), path) : (IReadOnlyList<Metric>)[];
        });

    /// <inheritdoc />
    public Task LogBatchAsync(string runId, LogBatch batch, CancellationToken cancellationToken) => Io("log to a run", () =>
    {
        var runDir = RequireRunDirectory(runId);
        var meta = RunMeta.Read(Path.Combine(runDir, "meta.yaml"));
        if (meta.LifecycleStage != "active")
        {
            throw new MlflowRestException(400, "INVALID_STATE", $"run '{meta.Info.RunName}' ({runId}) is deleted; restore it before logging to it");
        }
        foreach (var param in batch.Params)
        {
            var path = EntityPath(runDir, "params", param.Key);
            if (File.Exists(path))
            {
                var existing = File.ReadAllText(path, Utf8);
                if (existing != param.Value)
                {
                    throw new ParamConflictException(meta.Info.RunName, runId, param.Key, existing, param.Value);
                }
                continue;
            }
            WriteText(path, param.Value);
        }
        foreach (var group in batch.Metrics.GroupBy(m => m.Key))
        {
            var path = EntityPath(runDir, "metrics", group.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.AppendAllText(path, string.Concat(group.Select(MetricFile.FormatLine)), Utf8);
        }
        foreach (var tag in batch.Tags)
        {
            WriteText(EntityPath(runDir, "tags", tag.Key), tag.Value);
            if (tag.Key == MlflowTags.RunName)
            {
                WriteMeta(runDir, meta with { Info = meta.Info with { RunName = tag.Value } });
                meta = RunMeta.Read(Path.Combine(runDir, "meta.yaml"));
            }
        }
    });

    /// <inheritdoc />
    public Task UpdateRunAsync(string runId, RunStatus status, long? endTime, CancellationToken cancellationToken) =>
        Io("update a run", () =>
        {
            var runDir = RequireRunDirectory(runId);
            var meta = RunMeta.Read(Path.Combine(runDir, "meta.yaml"));
            WriteMeta(runDir, meta with { Info = meta.Info with { Status = status, EndTime = endTime } });
        });

    /// <inheritdoc />
    public Task LogArtifactAsync(RunInfo run, string localPath, string artifactPath, CancellationToken cancellationToken) =>
        Io("store an artifact", () => LocalArtifacts.Copy(run, localPath, artifactPath));

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>The file or folder that holds the entity <paramref name="key"/> (keys with '/' are sub-folders).</summary>
    internal static string EntityPath(string runDirectory, string folder, string key)
    {
        if (KeyRules.Problem(key) is { } problem)
        {
            throw new TrackingException($"'{key}' cannot be stored: {problem}");
        }
        return Path.Combine([runDirectory, folder, .. key.Split('/')]);
    }

    private void EnsureRoot()
    {
        if (!Directory.Exists(Root))
        {
            Directory.CreateDirectory(Root);
            WriteExperiment("0", "Default");
        }
        Directory.CreateDirectory(Path.Combine(Root, TrashFolder));
    }

    private void WriteExperiment(string id, string name)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var dir = Path.Combine(Root, id);
        var experiment = new Experiment(id, name, FileUri.FromPath(dir), "active");
        Directory.CreateDirectory(dir);
        WriteAtomically(Path.Combine(dir, "meta.yaml"), new ExperimentMeta(experiment, now, now).ToYaml());
    }

    private IEnumerable<ExperimentMeta> AllExperiments()
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }
        var active = Directory.EnumerateDirectories(Root).Where(d => Path.GetFileName(d) is not (TrashFolder or "models"));
        var trash = Path.Combine(Root, TrashFolder);
        var deleted = Directory.Exists(trash) ? Directory.EnumerateDirectories(trash) : [];
        foreach (var dir in active.Concat(deleted))
        {
            var metaPath = Path.Combine(dir, "meta.yaml");
            if (!ExperimentIdPattern().IsMatch(Path.GetFileName(dir)) || !File.Exists(metaPath))
            {
                continue;
            }
            var meta = ExperimentMeta.Read(metaPath);
            // MLflow ignores an experiment whose folder name differs from its id.
            if (meta.Experiment.ExperimentId == Path.GetFileName(dir))
            {
                yield return meta;
            }
        }
    }

    private string ExperimentDirectory(string experimentId)
    {
        var dir = Path.Combine(Root, experimentId);
        return ExperimentIdPattern().IsMatch(experimentId) && File.Exists(Path.Combine(dir, "meta.yaml"))
            ? dir
            : throw new MlflowRestException(404, "RESOURCE_DOES_NOT_EXIST", $"no active experiment with id '{experimentId}' in {Root}");
    }

    private string? FindRunDirectory(string runId)
    {
        if (_runDirectories.TryGetValue(runId, out var known) && File.Exists(Path.Combine(known, "meta.yaml")))
        {
            return known;
        }
        if (!Directory.Exists(Root) || !RunIdPattern().IsMatch(runId))
        {
            return null;
        }
        var found = Directory.EnumerateDirectories(Root)
            .Select(dir => Path.Combine(dir, runId))
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "meta.yaml")));
        if (found is not null)
        {
            _runDirectories[runId] = found;
        }
        return found;
    }

    private string RequireRunDirectory(string runId) =>
        FindRunDirectory(runId) ?? throw new MlflowRestException(404, "RESOURCE_DOES_NOT_EXIST", $"run '{runId}' not found in {Root}");

    private static Dictionary<string, string> ReadEntities(string runDir, string folder) =>
        ListKeys(Path.Combine(runDir, folder)).ToDictionary(key => key, key => File.ReadAllText(EntityPath(runDir, folder, key), Utf8), StringComparer.Ordinal);

    private static IEnumerable<string> ListKeys(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
            : [];

    private static void WriteMeta(string runDir, RunMeta meta) => WriteAtomically(Path.Combine(runDir, "meta.yaml"), meta.ToYaml());

    private static void WriteText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8);
    }

    private static void WriteAtomically(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text, Utf8);
        File.Move(temp, path, overwrite: true);
    }

    private Task<T> Io<T>(string what, Func<T> action)
    {
        try
        {
            return Task.FromResult(action());
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException && error is not InvalidDataException)
        {
            return Task.FromException<T>(new StoreUnavailableException($"cannot {what} in the MLflow file store {Root}: {error.Message}", error));
        }
        catch (Exception error)
        {
            return Task.FromException<T>(error);
        }
    }

    private Task Io(string what, Action action) => Io(what, () =>
    {
        action();
        return true;
    });

    private static string RandomExperimentId()
    {
        var digits = new StringBuilder(18);
        digits.Append((char)('1' + RandomNumberGenerator.GetInt32(9)));
        for (var i = 1; i < 18; i++)
        {
            digits.Append((char)('0' + RandomNumberGenerator.GetInt32(10)));
        }
        return digits.ToString();
    }

    [GeneratedRegex(@"^[a-zA-Z0-9][\w\-]{0,63}$")]
    private static partial Regex ExperimentIdPattern();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex RunIdPattern();
}
