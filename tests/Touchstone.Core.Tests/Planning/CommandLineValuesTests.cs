using Touchstone.Core.Declarations;
using Touchstone.Core.Planning;
using Touchstone.Core.Running;

namespace Touchstone.Core.Tests.Planning;

public sealed class CommandLineValuesTests
{
    [Theory]
    [InlineData("0,1,2", new[] { 0, 1, 2 })]
    [InlineData("0-4", new[] { 0, 1, 2, 3, 4 })]
    [InlineData("0-2, 7", new[] { 0, 1, 2, 7 })]
    [InlineData("5", new[] { 5 })]
    public void Seed_lists_and_ranges_parse(string text, int[] expected)
    {
        Assert.Equal(expected, CommandLineValues.ParseSeeds(text));
    }

    [Theory]
    [InlineData("3-1", "--seeds '3-1': the range 3-1 goes down; write 1-3")]
    [InlineData("0,a", "--seeds '0,a': 'a' is not a seed or a range; write e.g. 0,1,2 or 0-4 or 0-2,7")]
    [InlineData("0-2,1", "--seeds '0-2,1' lists seed 1 twice")]
    [InlineData("-1", "--seeds '-1': '-1' is not a seed or a range; write e.g. 0,1,2 or 0-4 or 0-2,7")]
    [InlineData("0-2000000000", "--seeds '0-2000000000' names 2000000001 seeds; one run takes at most 10000 (each seed is a cell per variant)")]
    [InlineData("0-9999,10000", "--seeds '0-9999,10000' names 10001 seeds; one run takes at most 10000 (each seed is a cell per variant)")]
    [InlineData("3000000000", "--seeds '3000000000': seed 3000000000 is too large; seeds go from 0 to 2147483647")]
    public void Bad_seed_lists_say_what_to_write(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<DeclarationException>(() => CommandLineValues.ParseSeeds(text)).Diagnostics[0].Message);
    }

    [Fact]
    public void Shards_parse_and_reject_out_of_range()
    {
        Assert.Equal(new Shard(2, 4), CommandLineValues.ParseShard("2/4"));
        foreach (var bad in new[] { "0/4", "5/4", "1/0", "2", "a/b" })
        {
            var e = Assert.Throws<DeclarationException>(() => CommandLineValues.ParseShard(bad));
            Assert.Equal($"--shard '{bad}' must be i/n with 1 <= i <= n, e.g. 2/4 for the second of four shards", e.Diagnostics[0].Message);
        }
    }

    [Theory]
    [InlineData("cpu", "cpu")]
    [InlineData("CUDA", "cuda:0")]
    [InlineData("cuda:1", "cuda:1")]
    public void Devices_parse(string text, string device)
    {
        Assert.Equal(device, CommandLineValues.ParseDevice(text));
    }

    [Fact]
    public void Unknown_device_is_rejected()
    {
        var e = Assert.Throws<DeclarationException>(() => CommandLineValues.ParseDevice("gpu"));

        Assert.Equal("--device 'gpu' must be cpu, cuda or cuda:N (e.g. cuda:1)", e.Diagnostics[0].Message);
    }
}
