using Touchstone.Testing;
using Touchstone.Tracking.Configuration;
using Touchstone.Tracking.Errors;
using Touchstone.Tracking.FileStore;
using Touchstone.Tracking.Rest;

namespace Touchstone.Tracking.Tests.Delivery;

public class TrackingEnvironmentTests
{
    private static TrackingEnvironment With(string workingDirectory, params (string, string)[] variables)
    {
        var map = variables.ToDictionary(v => v.Item1, v => v.Item2);
        return new TrackingEnvironment(n => map.GetValueOrDefault(n), workingDirectory, null);
    }

    [Fact]
    public void Unset_uri_means_mlruns_in_the_working_directory()
    {
        using var dir = new TempDirectory();
        Assert.Equal(FileUri.FromPath(dir.Combine("mlruns")), With(dir.Path).Resolve(null));
        using var store = With(dir.Path).Open(null);
        Assert.Equal(dir.Combine("mlruns"), Assert.IsType<FileTrackingStore>(store).Root);
    }

    [Theory]
    [InlineData("file:///data/mlruns", "/data/mlruns")]
    [InlineData("file:relative/mlruns", "WD/relative/mlruns")]
    [InlineData("./other", "WD/other")]
    [InlineData("/abs/store", "/abs/store")]
    public void File_uris_and_plain_paths_open_the_file_store(string uri, string expected)
    {
        using var dir = new TempDirectory();
        using var store = With(dir.Path).Open(uri);
        Assert.Equal(Path.GetFullPath(expected.Replace("WD", dir.Path)), Assert.IsType<FileTrackingStore>(store).Root);
    }

    [Fact]
    public void Tracking_dir_variable_moves_the_default_root()
    {
        using var dir = new TempDirectory();
        Assert.Equal(FileUri.FromPath(dir.Combine("elsewhere")), With(dir.Path, ("MLFLOW_TRACKING_DIR", "elsewhere")).Resolve(null));
    }

    [Fact]
    public void Http_uri_opens_the_rest_store()
    {
        using var dir = new TempDirectory();
        using var store = With(dir.Path, ("MLFLOW_TRACKING_URI", "http://mlflow.internal:5000/")).Open(null);
        Assert.IsType<RestTrackingStore>(store);
        Assert.Equal("http://mlflow.internal:5000", store.Target);
    }

    [Theory]
    [InlineData("sqlite:///mlflow.db", "mlflow server --backend-store-uri sqlite:///mlflow.db")]
    [InlineData("databricks", "'databricks' (databricks) is not supported")]
    public void Unsupported_schemes_say_what_to_do(string uri, string expected)
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<TrackingException>(() => With(dir.Path).Resolve(uri));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void User_and_truncation_come_from_the_environment()
    {
        using var dir = new TempDirectory();
        var env = With(dir.Path, ("MLFLOW_TRACKING_USERNAME", "alice"), ("MLFLOW_TRUNCATE_LONG_VALUES", "false"));
        Assert.Equal("alice", env.UserId);
        Assert.False(env.TruncateLongValues);
        Assert.True(With(dir.Path).TruncateLongValues);
    }
}
