using Touchstone.Cli.Tests.Crash;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

/// <summary>Input a hostile or unlucky user gives: each gets a clear error and exit 2, in bounded time and memory.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void A_one_kilobyte_alias_bomb_is_refused_under_a_256_MB_heap_limit()
    {
        using var dir = new TempDirectory("touchstone-hostile");
        var bomb = dir.Combine("bomb.yaml");
        // Nine levels of nine aliases: 9^9 (387 million) values when expanded, in about a kilobyte.
        File.WriteAllText(bomb, HostileYaml.AliasBomb(levels: 9));
        Assert.True(new FileInfo(bomb).Length < 1500);

        using var child = ChildRun.Start(dir.Path, new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x10000000" }, "validate", bomb);
        var exit = child.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.True(exit == 2, child.Output);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(bomb)}:9:\d+: error: alias '\*l4' expands to", child.Output);
    }
}
