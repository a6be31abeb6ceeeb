using Touchstone.Suites.Scan;

namespace Touchstone.Suites.Tests.Scan;

/// <summary>
/// The generated splits against the files published in brendenlake/SCAN at commit
/// c4b756cbc010d75c912f16c42c8f15dc6b7e6c8f. The expected values are facts about those files, computed with
/// <c>git show c4b756c:FILE | wc -l</c> and <c>git show c4b756c:FILE | LC_ALL=C sort | sha256sum</c>.
/// </summary>
public sealed class ScanSplitsTests
{
    private const string TasksTxtSha = "6be4b39bc8bf3a20be810b6991250d0493e608560609db6765dd679e1ed1c98e";

    [Fact]
    public void Generated_language_equals_the_published_tasks_txt_as_a_multiset_of_lines()
    {
        var language = ScanGrammar.Language();

        Assert.Equal(20910, language.Count);
        Assert.Equal(TasksTxtSha, ScanSplits.SortedLinesSha256(language));
    }

    [Theory]
    // split, train lines, train sha, test lines, test sha (add_prim_split/*.txt and length_split/*.txt)
    [InlineData(ScanSplit.AddPrimJump, 14670, "0683daacfdce23cf8ed6f5077feda21785e93ac82e0d11363a9280b7b0c6561e",
        7706, "522454c6280eab957dfc4ea9579ef1d780a716ac34df09619970e1d98822d7e2")]
    [InlineData(ScanSplit.AddPrimTurnLeft, 21890, "e0c26b51b6bba2658e02d69ad53fc15399842d57356d3551a3ed192bca0f9ad4",
        1208, "14dd6316d16204d2871678ee4bd35aba253416a9b4df36bb6dfdda153d46e549")]
    [InlineData(ScanSplit.Length, 16990, "7ffb97f45029871c94bede7e723f7a4aa179eb99fe2b977a18283310422c719d",
        3920, "3297fd0b676c391f7bc3a7385aa66a7fdf64f6f8e81ad584810c1d4ebd0eaa2c")]
    public void Deterministic_split_equals_the_published_files_as_multisets(ScanSplit split, int trainLines, string trainSha,
        int testLines, string testSha)
    {
        var data = ScanSplits.Build(split, dataSeed: 1);

        Assert.Equal(trainLines, data.Train.Count);
        Assert.Equal(trainSha, ScanSplits.SortedLinesSha256(data.Train));
        Assert.Equal(testLines, data.Test.Count);
        Assert.Equal(testSha, ScanSplits.SortedLinesSha256(data.Test));
    }

    [Fact]
    public void Simple_split_has_the_published_sizes_and_partitions_the_language()
    {
        // The published simple_split has 16,728 training and 4,182 test lines, no repeats, and together they are
        // tasks.txt (the concatenation sorts to the same digest); its random draw cannot be reproduced.
        var data = ScanSplits.Build(ScanSplit.Simple, dataSeed: 1);

        Assert.Equal(16728, data.Train.Count);
        Assert.Equal(4182, data.Test.Count);
        Assert.Equal(TasksTxtSha, ScanSplits.SortedLinesSha256([.. data.Train, .. data.Test]));
        Assert.Empty(data.Train.Select(e => e.Line).Intersect(data.Test.Select(e => e.Line)));
    }

    [Fact]
    public void Simple_split_is_a_function_of_the_data_seed()
    {
        var a = ScanSplits.Build(ScanSplit.Simple, dataSeed: 1).Test.Select(e => e.Line);
        var again = ScanSplits.Build(ScanSplit.Simple, dataSeed: 1).Test.Select(e => e.Line);
        var other = ScanSplits.Build(ScanSplit.Simple, dataSeed: 2).Test.Select(e => e.Line);

        Assert.Equal(a, again);
        Assert.NotEqual(a.Order(StringComparer.Ordinal), other.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(ScanSplit.AddPrimJump, "jump", 1467)]
    [InlineData(ScanSplit.AddPrimTurnLeft, "turn left", 2189)]
    public void Add_primitive_training_holds_the_primitive_only_bare_at_10_percent(ScanSplit split, string primitive, int copies)
    {
        var data = ScanSplits.Build(split, dataSeed: 1);
        var withPrimitive = data.Train.Where(e => e.Contains(primitive)).ToList();

        Assert.All(withPrimitive, e => Assert.Equal(primitive, string.Join(' ', e.Command)));
        Assert.Equal(copies, withPrimitive.Count);
        Assert.Equal(0.1, (double)copies / data.Train.Count, 4);
        Assert.All(data.Test, e => Assert.True(e.Contains(primitive) && e.Command.Count > primitive.Split(' ').Length));
    }

    [Fact]
    public void Length_split_trains_up_to_22_actions_and_tests_the_longer_ones()
    {
        var data = ScanSplits.Build(ScanSplit.Length, dataSeed: 1);

        Assert.Equal(22, data.Train.Max(e => e.Actions.Count));
        Assert.All(data.Test, e => Assert.True(e.Actions.Count > 22));
    }
}
