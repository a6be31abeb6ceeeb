using Touchstone.Parquet.Records;

namespace Touchstone.Parquet.Tests;

public class NamingTests
{
    [Theory]
    [InlineData("RunId", "run_id")]
    [InlineData("DurationS", "duration_s")]
    [InlineData("GitSha", "git_sha")]
    [InlineData("Ok", "ok")]
    [InlineData("NotRun", "not_run")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("Top5Accuracy", "top5_accuracy")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("X", "x")]
    [InlineData("IOError", "io_error")]
    public void Pascal_case_becomes_snake_case(string name, string expected) =>
        Assert.Equal(expected, Naming.ToSnakeCase(name));
}
