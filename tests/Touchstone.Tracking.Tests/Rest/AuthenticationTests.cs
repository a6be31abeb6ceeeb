using System.Text;
using Touchstone.Tracking.Configuration;
using Touchstone.Tracking.Delivery;
using Touchstone.Tracking.Errors;
using Touchstone.Tracking.Rest;

namespace Touchstone.Tracking.Tests.Rest;

public class AuthenticationTests : RestScenario
{
    private const string Password = "pw-Very-Secret-42";
    private const string Token = "tok-abcdef-987654";

    private static string BasicHeader(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private TrackingEnvironment Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        map["MLFLOW_TRACKING_URI"] = Server.BaseUri.ToString();
        return new TrackingEnvironment(name => map.GetValueOrDefault(name), RunDirectory, homeDirectory: null);
    }

    [Fact]
    public async Task Basic_credentials_from_the_environment_are_sent()
    {
        Server.RequiredAuthorization = BasicHeader("alice", Password);
        using var store = Environment(("MLFLOW_TRACKING_USERNAME", "alice"), ("MLFLOW_TRACKING_PASSWORD", Password)).Open(null);
        Assert.NotNull(await new Deliverer(store, Retry).EnsureExperimentAsync("suite-a", default));
    }

    [Fact]
    public async Task Bearer_token_is_sent_when_no_username_and_password_are_set()
    {
        Server.RequiredAuthorization = "Bearer " + Token;
        using var store = Environment(("MLFLOW_TRACKING_TOKEN", Token), ("MLFLOW_TRACKING_USERNAME", "alice")).Open(null);
        Assert.NotNull(await new Deliverer(store, Retry).EnsureExperimentAsync("suite-a", default));
    }

    [Fact]
    public void Basic_wins_over_a_token_like_the_official_client()
    {
        var credentials = MlflowCredentials.FromEnvironment(
            name => name switch
            {
                "MLFLOW_TRACKING_USERNAME" => "alice",
                "MLFLOW_TRACKING_PASSWORD" => Password,
                "MLFLOW_TRACKING_TOKEN" => Token,
                _ => null,
            },
            homeDirectory: null);
        Assert.Equal(AuthKind.Basic, credentials.Kind);
    }

    [Fact]
    public void Credentials_file_supplies_username_and_password()
    {
        var home = Path.Combine(RunDirectory, "home");
        Directory.CreateDirectory(Path.Combine(home, ".mlflow"));
        File.WriteAllText(Path.Combine(home, ".mlflow", "credentials"),
            $"[other]\nmlflow_tracking_username = bob\n[mlflow]\nmlflow_tracking_username = alice\nmlflow_tracking_password = {Password}\n");
        var credentials = MlflowCredentials.FromEnvironment(_ => null, home);
        Assert.Equal(AuthKind.Basic, credentials.Kind);
        Assert.Equal("alice", credentials.Username);
    }

    [Fact]
    public async Task Wrong_credentials_keep_records_for_sync_and_no_secret_reaches_logs_errors_or_files()
    {
        Server.RequiredAuthorization = BasicHeader("alice", "the-right-one");
        var store = Store(credentials: MlflowCredentials.Basic("alice", Password));
        var tracker = Tracker(store);
        var script = RunSession(tracker);
        var summary = tracker.Complete();

        Assert.True(summary.Pending > 0);
        var warning = Assert.Single(Warnings, w => w.Contains("HTTP 401", StringComparison.Ordinal));
        Assert.Contains("MLFLOW_TRACKING_USERNAME", warning);
        using var direct = Store(credentials: MlflowCredentials.Basic("alice", Password));
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => direct.GetExperimentByNameAsync("x", default));

        var everything = string.Join("\n", Warnings.Concat(Details).Append(error.ToString())
            .Concat(Directory.EnumerateFiles(OutboxDirectory).Select(File.ReadAllText)));
        Assert.DoesNotContain(Password, everything);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"alice:{Password}")), everything);

        // Fixed credentials: a sync delivers everything.
        Server.RequiredAuthorization = BasicHeader("alice", Password);
        var report = await SyncAsync(Store(credentials: MlflowCredentials.Basic("alice", Password)));
        Assert.True(report.IsComplete, string.Join("\n", report.Errors));
        AssertServerHoldsExactly(script);
    }

    [Fact]
    public void Redact_removes_password_token_and_encoded_header()
    {
        var basic = MlflowCredentials.Basic("alice", Password);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"alice:{Password}"));
        Assert.Equal("x *** y ***", basic.Redact($"x {Password} y {encoded}"));
        Assert.DoesNotContain(Password, basic.ToString());
        Assert.Equal("t=***", MlflowCredentials.Bearer(Token).Redact($"t={Token}"));
    }

    [Fact]
    public void Credentials_in_the_tracking_uri_never_reach_the_recorded_target()
    {
        var env = new TrackingEnvironment(_ => null, RunDirectory, null);
        var resolved = env.Resolve($"http://alice:{Password}@127.0.0.1:{Server.Port}");
        Assert.Equal($"http://127.0.0.1:{Server.Port}", resolved);
        using var store = env.Open($"http://alice:{Password}@127.0.0.1:{Server.Port}");
        Assert.DoesNotContain(Password, store.Target);
    }
}
