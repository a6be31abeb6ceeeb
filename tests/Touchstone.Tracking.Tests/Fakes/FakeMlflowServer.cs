using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Touchstone.Tracking.Tests.Fakes;

/// <summary>
/// An in-process MLflow tracking server (Kestrel on 127.0.0.1) that enforces the documented API and injects
/// faults: error statuses with Retry-After, slow answers, dropped connections, and being stopped altogether
/// (connection refused) and started again on the same port with its data intact.
/// </summary>
internal sealed class FakeMlflowServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private WebApplication? _app;

    private FakeMlflowServer(bool fileBackedErrors) => Api = new FakeMlflowApi(State, fileBackedErrors);

    public FakeMlflowState State { get; } = new();
    public FaultQueue Faults { get; } = new();
    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<string> AuthorizationHeaders { get; } = new();
    public string? RequiredAuthorization { get; set; }
    public int Port { get; private set; }
    public Uri BaseUri => new($"http://127.0.0.1:{Port}");
    private FakeMlflowApi Api { get; }

    public static async Task<FakeMlflowServer> StartAsync(bool fileBackedErrors = false)
    {
        var server = new FakeMlflowServer(fileBackedErrors);
        await server.StartAgainAsync();
        return server;
    }

    public int Count(string endpoint) => Requests.Count(r => r.EndsWith(" " + endpoint, StringComparison.Ordinal));

    /// <summary>Starts listening (again): the first time on a free port, later on the same one.</summary>
    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Urls.First()).Port;
        _app = app;
    }

    /// <summary>Stops listening: new connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var authorization = context.Request.Headers.Authorization.ToString();
        AuthorizationHeaders.Enqueue(authorization);
        if (RequiredAuthorization is not null && authorization != RequiredAuthorization)
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"mlflow\"";
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body>You are not authenticated. Please see the documentation.</body></html>");
            return;
        }
        const string artifacts = "/api/2.0/mlflow-artifacts/artifacts/";
        const string api = "/api/2.0/mlflow/";
        var endpoint = path.StartsWith(artifacts, StringComparison.Ordinal) ? "artifacts"
            : path.StartsWith(api, StringComparison.Ordinal) ? path[api.Length..] : path;
        Requests.Enqueue($"{context.Request.Method} {endpoint}");
        var body = "";
        if (context.Request.Method == "POST")
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }
        var fault = Faults.Take(endpoint, body);
        if (fault?.Kind == FaultKind.Status)
        {
            if (fault.RetryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString();
            }
            if (fault.Message?.StartsWith("<html", StringComparison.Ordinal) == true)
            {
                context.Response.StatusCode = fault.StatusCode;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync(fault.Message);
                return;
            }
            await WriteAsync(context, fault.StatusCode, new { error_code = fault.ErrorCode ?? CodeFor(fault.StatusCode), message = fault.Message ?? "injected fault" });
            return;
        }
        if (fault?.Kind == FaultKind.DropBeforeApply)
        {
            context.Abort();
            return;
        }

        int status;
        object reply;
        try
        {
            (status, reply) = (200, await ApplyAsync(context, endpoint, body));
        }
        catch (ApiError error)
        {
            (status, reply) = (error.Status, new { error_code = error.Code, message = error.Message });
        }
        if (fault?.Kind == FaultKind.SlowAfterApply)
        {
            await Task.Delay(fault.Delay, CancellationToken.None);
        }
        if (fault?.Kind == FaultKind.DropAfterApply)
        {
            context.Abort();
            return;
        }
        if (fault?.Kind == FaultKind.StatusAfterApply)
        {
            (status, reply) = (fault.StatusCode, new { error_code = CodeFor(fault.StatusCode), message = "injected fault after the work was done" });
        }
        try
        {
            await WriteAsync(context, status, reply);
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The client gave up waiting; the work is done anyway, which is the point of the fault.
        }
    }

    private async Task<object> ApplyAsync(HttpContext context, string endpoint, string text)
    {
        if (endpoint == "artifacts")
        {
            if (context.Request.Method != "PUT")
            {
                throw new ApiError(405, "BAD_REQUEST", "only PUT is supported here");
            }
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            lock (State.Gate)
            {
                State.Artifacts[Uri.UnescapeDataString(context.Request.Path.Value!["/api/2.0/mlflow-artifacts/artifacts/".Length..])] = buffer.ToArray();
            }
            return new { };
        }
        var body = default(JsonElement);
        if (FakeMlflowApi.IsPost(endpoint))
        {
            if (context.Request.Method != "POST")
            {
                throw new ApiError(405, "BAD_REQUEST", $"{endpoint} needs POST");
            }
            var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
            if (mediaType != "application/json")
            {
                throw ApiError.Invalid("Content-Type must be one of ['application/json']");
            }
            try
            {
                body = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new ApiError(400, "BAD_REQUEST", "Malformed JSON");
            }
        }
        lock (State.Gate)
        {
            return Api.Handle(endpoint, context.Request.Query, body);
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, object reply)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(reply, reply.GetType(), Json));
    }

    private static string CodeFor(int status) => status switch
    {
        400 => "INVALID_PARAMETER_VALUE",
        404 => "RESOURCE_DOES_NOT_EXIST",
        409 => "RESOURCE_CONFLICT",
        429 => "REQUEST_LIMIT_EXCEEDED",
        503 => "TEMPORARILY_UNAVAILABLE",
        _ => "INTERNAL_ERROR",
    };
}
