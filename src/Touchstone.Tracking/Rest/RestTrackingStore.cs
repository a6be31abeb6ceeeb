using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Touchstone.Tracking.Errors;
using Touchstone.Tracking.FileStore;
using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Rest;

/// <summary>
/// An MLflow tracking server over its REST API (<c>/api/2.0/mlflow</c>) and, for <c>mlflow-artifacts:</c> URIs,
/// its artifact proxy. One attempt per call: failures are mapped to <see cref="TransientTrackingException"/>
/// (408/429/5xx, connection errors, timeouts), <see cref="StoreUnavailableException"/> (401/403) or
/// <see cref="MlflowRestException"/>; every message is stripped of credentials.
/// </summary>
public sealed class RestTrackingStore : ITrackingStore
{
    private const string ApiPrefix = "api/2.0/mlflow/";
    private const string ArtifactsPrefix = "api/2.0/mlflow-artifacts/artifacts/";
    private const int HistoryPageSize = 25000;
    private static readonly HashSet<int> TransientStatuses = [408, 429, 500, 502, 503, 504];

    private readonly RestStoreOptions _options;
    private readonly HttpClient _http;
    private readonly Uri _base;

    /// <summary>Creates the client; nothing is sent until the first call.</summary>
    public RestTrackingStore(RestStoreOptions options)
    {
        _options = options;
        var text = options.BaseUri.GetLeftPart(UriPartial.Path);
        _base = new Uri(text.EndsWith('/') ? text : text + "/");
        _http = new HttpClient(options.Handler ?? CreateHandler(options), disposeHandler: options.Handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("touchstone-tracking", typeof(RestTrackingStore).Assembly.GetName().Version?.ToString(3) ?? "0"));
    }

    /// <inheritdoc />
    public string Target => _base.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <inheritdoc />
    public async Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken)
    {
        var response = await SendAsync<ExperimentResponse>(HttpMethod.Get, "experiments/get-by-name", null,
            $"experiment_name={Uri.EscapeDataString(name)}", $"get experiment '{name}'", cancellationToken, notFoundIsNull: true);
        return response?.Experiment?.ToExperiment();
    }

    /// <inheritdoc />
    public async Task<string> CreateExperimentAsync(string name, CancellationToken cancellationToken)
    {
        var response = await SendAsync<CreateExperimentResponse>(HttpMethod.Post, "experiments/create", new CreateExperimentBody(name),
            null, $"create experiment '{name}'", cancellationToken);
        return response?.ExperimentId ?? throw new TrackingException($"create experiment '{name}': the server's reply has no experiment_id");
    }

    /// <inheritdoc />
    public async Task<RunInfo> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken)
    {
        var tags = request.Tags.Where(t => t.Key is not (MlflowTags.RunName or MlflowTags.ClientRunKey))
            .Select(t => new KeyValueDto(t.Key, t.Value))
            .Append(new KeyValueDto(MlflowTags.RunName, request.RunName))
            .Append(new KeyValueDto(MlflowTags.ClientRunKey, request.ClientKey))
            .ToList();
        var body = new CreateRunBody(request.ExperimentId, request.UserId, request.RunName, request.StartTime, tags);
        var response = await SendAsync<RunResponse>(HttpMethod.Post, "runs/create", body, null,
            $"create run '{request.RunName}'", cancellationToken);
        return response?.Run?.Info?.ToRunInfo() ?? throw new TrackingException($"create run '{request.RunName}': the server's reply has no run");
    }

    /// <inheritdoc />
    public async Task<RunInfo?> FindRunAsync(string experimentId, string clientKey, CancellationToken cancellationToken)
    {
        var body = new SearchRunsBody([experimentId], $"tags.`{MlflowTags.ClientRunKey}` = '{clientKey}'", "ALL", 1);
        var response = await SendAsync<SearchRunsResponse>(HttpMethod.Post, "runs/search", body, null,
            $"search experiment {experimentId} for run key {clientKey}", cancellationToken);
        return response?.Runs?.FirstOrDefault()?.Info?.ToRunInfo();
    }

    /// <inheritdoc />
    public async Task<RunSnapshot?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var response = await SendAsync<RunResponse>(HttpMethod.Get, "runs/get", null, $"run_id={Uri.EscapeDataString(runId)}",
            $"get run {runId}", cancellationToken, notFoundIsNull: true);
        if (response?.Run?.Info is not { } info)
        {
            return null;
        }
        var data = response.Run.Data;
        return new RunSnapshot(
            info.ToRunInfo(),
            ToDictionary(data?.Params),
            ToDictionary(data?.Tags),
            data?.Metrics?.Select(m => m.Key).Distinct().ToList() ?? []);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken)
    {
        var metrics = new List<Metric>();
        string? pageToken = null;
        do
        {
            // max_results is always sent: a file-backed 3.2+ server returns no metrics without it.
            var query = $"run_id={Uri.EscapeDataString(runId)}&metric_key={Uri.EscapeDataString(key)}&max_results={HistoryPageSize}"
                + (pageToken is null ? "" : $"&page_token={Uri.EscapeDataString(pageToken)}");
            var page = await SendAsync<MetricHistoryResponse>(HttpMethod.Get, "metrics/get-history", null, query,
                $"get history of metric '{key}' of run {runId}", cancellationToken);
            metrics.AddRange(page?.Metrics?.Select(m => m.ToMetric()) ?? []);
            pageToken = string.IsNullOrEmpty(page?.NextPageToken) ? null : page.NextPageToken;
        }
        while (pageToken is not null);
        return metrics;
    }

    /// <inheritdoc />
    public Task LogBatchAsync(string runId, LogBatch batch, CancellationToken cancellationToken)
    {
        var body = new LogBatchBody(runId,
            batch.Metrics.Select(MetricDto.From).ToList(),
            batch.Params.Select(p => new KeyValueDto(p.Key, p.Value)).ToList(),
            batch.Tags.Select(t => new KeyValueDto(t.Key, t.Value)).ToList());
        return SendAsync<JsonElement?>(HttpMethod.Post, "runs/log-batch", body, null,
            $"log-batch to run {runId} ({batch.Describe()})", cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateRunAsync(string runId, RunStatus status, long? endTime, CancellationToken cancellationToken) =>
        SendAsync<JsonElement?>(HttpMethod.Post, "runs/update", new UpdateRunBody(runId, status.ToRestName(), endTime), null,
            $"set run {runId} to {status.ToRestName()}", cancellationToken);

    /// <inheritdoc />
    public async Task LogArtifactAsync(RunInfo run, string localPath, string artifactPath, CancellationToken cancellationToken)
    {
        if (LocalArtifacts.IsLocal(run))
        {
            // A server started with --no-serve-artifacts hands out paths or file: URIs that the client writes itself.
            LocalArtifacts.Copy(run, localPath, artifactPath);
            return;
        }
        if (!run.ArtifactUri.StartsWith("mlflow-artifacts:", StringComparison.Ordinal))
        {
            throw new TrackingException(
                $"run '{run.RunName}' ({run.RunId}): artifact URI '{run.ArtifactUri}' is a {LocalArtifacts.Scheme(run.ArtifactUri)}: store, which " +
                "this client cannot write (it writes local paths, file: URIs, and mlflow-artifacts: through the server); start the " +
                $"MLflow server with --serve-artifacts so it uploads them. The file stays in the run directory ({localPath})");
        }
        var relative = ArtifactProxyPath(run.ArtifactUri) + "/" + artifactPath;
        var escaped = string.Join('/', relative.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        var what = $"upload artifact '{artifactPath}' of run '{run.RunName}' ({run.RunId})";
        await using var file = File.OpenRead(localPath);
        using var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(GuessContentType(localPath));
        await SendCoreAsync(HttpMethod.Put, new Uri(_base, ArtifactsPrefix + escaped), content, what, cancellationToken, notFoundIsNull: false);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    // mlflow-artifacts:/1/abc/artifacts or mlflow-artifacts://host:port/1/abc/artifacts → 1/abc/artifacts
    private static string ArtifactProxyPath(string uri)
    {
        var rest = uri["mlflow-artifacts:".Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? "" : rest[slash..];
        }
        return Uri.UnescapeDataString(rest.Trim('/'));
    }

    private static string GuessContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".yaml" or ".yml" or ".log" or ".md" or ".csv" => "text/plain",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };

    private static Dictionary<string, string> ToDictionary(List<KeyValueDto>? items) =>
        (items ?? []).GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal);

    private async Task<T?> SendAsync<T>(HttpMethod method, string endpoint, object? body, string? query, string what,
        CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        var uri = new Uri(_base, ApiPrefix + endpoint + (query is null ? "" : "?" + query));
        using var content = body is null
            ? null
            : new StringContent(JsonSerializer.Serialize(body, body.GetType(), MlflowJson.Options), Encoding.UTF8, "application/json");
        var text = await SendCoreAsync(method, uri, content, what, cancellationToken, notFoundIsNull);
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(text, MlflowJson.Options);
        }
        catch (JsonException error)
        {
            throw new TrackingException(Redact($"{what}: {Target} answered 200 with a body that is not MLflow JSON ({error.Message})"));
        }
    }

    // Sends one request; returns the body of a 2xx reply, or null for a 404 when notFoundIsNull.
    private async Task<string?> SendCoreAsync(HttpMethod method, Uri uri, HttpContent? content, string what,
        CancellationToken cancellationToken, bool notFoundIsNull)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = _options.Credentials.Header;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            body = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientTrackingException(Redact($"{what}: no reply from {Target} within {_options.RequestTimeout.TotalSeconds:0.###} s (MLFLOW_HTTP_REQUEST_TIMEOUT)"), inner: error);
        }
        catch (HttpRequestException error)
        {
            var reason = error.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : error.Message;
            throw new TransientTrackingException(Redact($"{what}: cannot reach {Target} ({reason})"), inner: null);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return body;
            }
            if (status == 404 && notFoundIsNull && ParseError(body).Code == "RESOURCE_DOES_NOT_EXIST")
            {
                return null;
            }
            throw MapError(response, status, body, what);
        }
    }

    private TrackingException MapError(HttpResponseMessage response, int status, string body, string what)
    {
        var (code, message) = ParseError(body);
        var detail = code is null ? $"HTTP {status}: {message}" : $"HTTP {status} {code}: {message}";
        if (TransientStatuses.Contains(status))
        {
            return new TransientTrackingException(Redact($"{what}: {Target} answered {detail}"), status, RetryAfter(response));
        }
        if (status is 401 or 403)
        {
            var hint = message.Contains("Host header", StringComparison.OrdinalIgnoreCase)
                ? "the server refuses this host name; start it with --allowed-hosts including the name you use"
                : "check MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD or MLFLOW_TRACKING_TOKEN" + $" (sent: {_options.Credentials})";
            return new StoreUnavailableException(Redact($"{what}: {Target} answered {detail}; {hint}"));
        }
        return new MlflowRestException(status, code, Redact($"{what}: {Target} answered {detail}"));
    }

    private static (string? Code, string Message) ParseError(string body)
    {
        try
        {
            var error = JsonSerializer.Deserialize<ErrorBody>(body, MlflowJson.Options);
            if (error?.ErrorCode is not null || error?.Message is not null)
            {
                return (error.ErrorCode, error.Message ?? "");
            }
        }
        catch (JsonException)
        {
            // Not MLflow JSON: an HTML page from the server or a proxy.
        }
        var text = System.Text.RegularExpressions.Regex.Replace(body, "<[^>]*>", " ");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
        return (null, text.Length > 300 ? text[..300] + "…" : text.Length == 0 ? "(empty body)" : text);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private string Redact(string text) => _options.Credentials.Redact(text);

    private static SocketsHttpHandler CreateHandler(RestStoreOptions options)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (options.InsecureTls)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (options.ServerCertificatePath is { } caPath)
        {
            var authority = new X509Certificate2Collection();
            authority.ImportFromPemFile(caPath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (errors == SslPolicyErrors.None)
                {
                    return true;
                }
                if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
                {
                    return false;
                }
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.AddRange(authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(new X509Certificate2(certificate));
            };
        }
        return handler;
    }
}
