using Touchstone.Core.Results;
using Touchstone.Testing;

namespace Touchstone.Core.Tests.Results;

public sealed class AtomicFileTests
{
    [Fact]
    public void Write_replaces_the_file_and_leaves_no_temporary()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("a.txt"), "old");

        AtomicFile.WriteText(dir.Combine("a.txt"), "new");

        Assert.Equal("new", File.ReadAllText(dir.Combine("a.txt")));
        Assert.Equal(["a.txt"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Failing_writer_keeps_the_old_file_and_removes_its_temporary()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("a.txt"), "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(dir.Combine("a.txt"), stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(dir.Combine("a.txt")));
        Assert.Equal(["a.txt"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Temporaries_left_by_a_killed_writer_are_recognised_and_removed()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("cells", "x"));
        File.WriteAllText(dir.Combine("cells", "x", ".metrics.parquet.tmp-123-abc"), "half");
        File.WriteAllText(dir.Combine("cells", "x", ".hidden"), "kept");
        File.WriteAllText(dir.Combine("metrics.parquet"), "kept");

        var removed = AtomicFile.RemoveTemporaryFiles(dir.Path);

        Assert.Equal(1, removed);
        Assert.True(File.Exists(dir.Combine("cells", "x", ".hidden")));
        Assert.True(File.Exists(dir.Combine("metrics.parquet")));
    }
}
