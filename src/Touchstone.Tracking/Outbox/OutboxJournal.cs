using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Touchstone.Tracking.Errors;
using Touchstone.Tracking.Rest;

namespace Touchstone.Tracking.Outbox;

/// <summary>
/// The append-only outbox file <c>outbox.jsonl</c>: one JSON entry per line, flushed to disk (fsync) on every
/// append, so a record written is a record kept even if the process or the machine dies right after. A torn last
/// line (a crash mid-write) is dropped on open. A lock file keeps a run and a sync from using one outbox at once.
/// </summary>
public sealed class OutboxJournal : IDisposable
{
    /// <summary>Name of the journal file inside the outbox folder.</summary>
    public const string FileName = "outbox.jsonl";

    private const string LockName = "outbox.lock";

    /// <summary>Serializer settings of the journal: MLflow's JSON, statuses by name.</summary>
    internal static readonly JsonSerializerOptions Json = new(MlflowJson.Options)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
        WriteIndented = false,
    };

    private readonly FileStream _lock;
    private readonly FileStream _file;
    private readonly object _gate = new();
    private long _lastSeq;

    private OutboxJournal(string directory, FileStream lockStream, FileStream file, HeaderEntry header, IReadOnlyList<OutboxEntry> entries)
    {
        Directory = directory;
        _lock = lockStream;
        _file = file;
        Header = header;
        Entries = entries;
        _lastSeq = entries.OfType<DeliverableEntry>().Select(e => e.Seq).DefaultIfEmpty(0).Max();
    }

    /// <summary>The outbox folder.</summary>
    public string Directory { get; }

    /// <summary>The journal's header.</summary>
    public HeaderEntry Header { get; }

    /// <summary>The entries that were in the journal when it was opened (header excluded).</summary>
    public IReadOnlyList<OutboxEntry> Entries { get; }

    /// <summary>Path of the journal file.</summary>
    public string FilePath => Path.Combine(Directory, FileName);

    /// <summary>True when the folder holds a journal.</summary>
    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, FileName));

    /// <summary>
    /// Opens (or creates, with <paramref name="target"/> in its header) the journal in <paramref name="directory"/>.
    /// </summary>
    /// <param name="directory">The outbox folder.</param>
    /// <param name="target">The store for a new journal; null to require an existing one.</param>
    /// <param name="warn">Told when a torn last line was dropped.</param>
    /// <param name="clock">Clock for the header's creation time.</param>
    public static OutboxJournal Open(string directory, string? target, Action<string> warn, TimeProvider? clock = null)
    {
        directory = Path.GetFullPath(directory);
        if (target is null && !Exists(directory))
        {
            throw new TrackingException($"{directory} holds no MLflow outbox ({FileName}); nothing to sync");
        }
        System.IO.Directory.CreateDirectory(directory);
        FileStream lockStream;
        try
        {
            lockStream = new FileStream(Path.Combine(directory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new TrackingException($"the MLflow outbox {directory} is in use by another process (a run or a sync); wait for it to finish");
        }
        try
        {
            var path = Path.Combine(directory, FileName);
            var (entries, validLength) = File.Exists(path) ? Read(path, warn) : ([], 0);
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            file.SetLength(validLength);
            file.Seek(0, SeekOrigin.End);
            var header = entries.FirstOrDefault() as HeaderEntry;
            var journal = new OutboxJournal(directory, lockStream, file,
                header ?? new HeaderEntry(1, target!, (clock ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds()),
                entries.Skip(header is null ? 0 : 1).ToList());
            if (header is null)
            {
                journal.Append([journal.Header]);
            }
            return journal;
        }
        catch
        {
            lockStream.Dispose();
            throw;
        }
    }

    /// <summary>The next sequence number for a deliverable record.</summary>
    public long NextSeq() => Interlocked.Increment(ref _lastSeq);

    /// <summary>
    /// Appends entries. Records to deliver are forced to disk before this returns; acknowledgements and refusals
    /// only reach the OS (<paramref name="durable"/> false): losing one in a crash merely makes a sync check with the
    /// store, which it does for every unacknowledged record anyway.
    /// </summary>
    public void Append(IEnumerable<OutboxEntry> entries, bool durable = true)
    {
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(JsonSerializer.Serialize(entry, Json)).Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        lock (_gate)
        {
            _file.Write(bytes);
            _file.Flush(flushToDisk: durable);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _file.Dispose();
        }
        _lock.Dispose();
    }

    // Every complete, readable line; the byte length up to the end of the last one. A torn or unreadable tail is
    // what a crash mid-append leaves, so it is dropped; an unreadable line before readable ones is damage.
    internal static (List<OutboxEntry> Entries, long ValidLength) Read(string path, Action<string> warn)
    {
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        var entries = new List<OutboxEntry>();
        long validLength = 0;
        var start = 0;
        var line = 0;
        string? unreadable = null;
        while (start < bytes.Length)
        {
            line++;
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                unreadable ??= $"{path}:{line}: incomplete last line";
                break;
            }
            var entry = TryParse(bytes.AsSpan(start, end - start), out var error);
            if (entry is null)
            {
                unreadable ??= $"{path}:{line}: {error}";
            }
            else
            {
                if (unreadable is not null)
                {
                    throw new InvalidDataException($"{unreadable}; the MLflow outbox is damaged before its last lines. Move it aside and log the run again, or repair that line.");
                }
                entries.Add(entry);
                validLength = end + 1;
            }
            start = end + 1;
        }
        if (unreadable is not null)
        {
            warn($"{unreadable} (left by an interrupted write) was dropped from the MLflow outbox");
        }
        return (entries, validLength);
    }

    private static OutboxEntry? TryParse(ReadOnlySpan<byte> line, out string? error)
    {
        error = null;
        try
        {
            return JsonSerializer.Deserialize<OutboxEntry>(line, Json) ?? throw new JsonException("null entry");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            error = ex.Message;
            return null;
        }
    }
}
