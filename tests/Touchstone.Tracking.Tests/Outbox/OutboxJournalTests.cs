using Touchstone.Testing;
using Touchstone.Tracking.Model;
using Touchstone.Tracking.Outbox;

namespace Touchstone.Tracking.Tests.Outbox;

public class OutboxJournalTests
{
    private static BatchEntry Batch(long seq) => new(seq, "k", [new Metric("m", double.NaN, 1, seq)], [new Param("p", "v")], []);

    [Fact]
    public void Entries_round_trip_with_non_finite_values_and_sequence_numbers_continue()
    {
        using var dir = new TempDirectory();
        using (var journal = OutboxJournal.Open(dir.Path, "file:///x", _ => { }))
        {
            journal.Append([Batch(journal.NextSeq()), new UpdateRunEntry(journal.NextSeq(), "k", RunStatus.Failed, 5), new AckEntry(1)]);
        }
        using var reopened = OutboxJournal.Open(dir.Path, null, _ => { });
        Assert.Equal("file:///x", reopened.Header.Target);
        var batch = Assert.IsType<BatchEntry>(reopened.Entries[0]);
        Assert.True(double.IsNaN(batch.Metrics[0].Value));
        Assert.Equal(RunStatus.Failed, Assert.IsType<UpdateRunEntry>(reopened.Entries[1]).Status);
        Assert.Equal(3, reopened.NextSeq());
        Assert.Contains("\"status\":\"FAILED\"", File.ReadAllText(reopened.FilePath));
    }

    [Fact]
    public void Torn_last_line_is_dropped_with_a_warning_and_appends_continue_cleanly()
    {
        using var dir = new TempDirectory();
        using (var journal = OutboxJournal.Open(dir.Path, "file:///x", _ => { }))
        {
            journal.Append([Batch(journal.NextSeq())]);
        }
        var path = Path.Combine(dir.Path, OutboxJournal.FileName);
        File.AppendAllText(path, "{\"type\":\"batch\",\"seq\":2,\"run_k");
        var warnings = new List<string>();
        using (var journal = OutboxJournal.Open(dir.Path, "file:///x", warnings.Add))
        {
            Assert.Single(journal.Entries);
            journal.Append([Batch(journal.NextSeq())]);
        }
        Assert.Contains(warnings, w => w.Contains(":3: incomplete last line", StringComparison.Ordinal));
        using var again = OutboxJournal.Open(dir.Path, null, _ => { });
        Assert.Equal([1L, 2L], again.Entries.OfType<BatchEntry>().Select(b => b.Seq));
    }

    [Fact]
    public void Damage_before_the_last_lines_is_an_error_naming_file_and_line()
    {
        using var dir = new TempDirectory();
        using (var journal = OutboxJournal.Open(dir.Path, "file:///x", _ => { }))
        {
            journal.Append([Batch(journal.NextSeq()), Batch(journal.NextSeq())]);
        }
        var path = Path.Combine(dir.Path, OutboxJournal.FileName);
        var lines = File.ReadAllLines(path);
        lines[1] = "garbage";
        File.WriteAllLines(path, lines);
        var error = Assert.Throws<InvalidDataException>(() => OutboxJournal.Open(dir.Path, null, _ => { }));
        Assert.Contains($"{path}:2:", error.Message);
    }

    [Fact]
    public void Sync_of_a_folder_without_an_outbox_says_so()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<Errors.TrackingException>(() => OutboxJournal.Open(dir.Path, null, _ => { }));
        Assert.Contains("holds no MLflow outbox", error.Message);
    }
}
