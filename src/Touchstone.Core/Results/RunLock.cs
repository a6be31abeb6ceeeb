using System.Diagnostics;
using System.Globalization;
using Touchstone.Core.Declarations;

namespace Touchstone.Core.Results;

/// <summary>Who holds a run folder's lock: written into the lock itself, so it is read in one step.</summary>
/// <param name="Host">Machine name of the holder.</param>
/// <param name="Pid">Its process id.</param>
/// <param name="StartedAt">UTC start time of the holding process (tells a reused pid apart).</param>
/// <param name="Token">Random id of this acquisition; names its heartbeat file.</param>
public sealed record LockHolder(string Host, int Pid, DateTime StartedAt, string Token)
{
    /// <summary>The lock's text: <c>host pid start-ticks token</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Host} {Pid} {StartedAt.Ticks} {Token}");

    /// <summary>Parses <see cref="ToString"/>; null for anything else.</summary>
    public static LockHolder? Parse(string? text)
    {
        var parts = text?.Split(' ');
        return parts is { Length: 4 }
               && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid)
               && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks)
               && ticks is >= 0 and <= 3155378975999999999
            ? new LockHolder(parts[0], pid, new DateTime(ticks, DateTimeKind.Utc), parts[3])
            : null;
    }

    /// <summary>The holder as a user reads it.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"process {Pid} on host {Host}, started {StartedAt:yyyy-MM-dd HH:mm:ss} UTC");
}

/// <summary>
/// The exclusive lock of one run folder, held by the process that runs (or resumes, or merges into) it.
/// <para>
/// The lock is a symbolic link <c>&lt;run&gt;/.lock</c> whose target text names the holder
/// (<see cref="LockHolder"/>). Creating a symbolic link is one atomic operation that fails when the name exists,
/// also on NFS (the same primitive Emacs lock files rely on), and its holder is read with one readlink, so there is
/// never a lock without a holder. While it holds the lock the process rewrites a heartbeat file
/// <c>.lock.&lt;token&gt;.heartbeat</c> every <see cref="HeartbeatInterval"/>; the file server stamps its mtime.
/// </para>
/// <para>
/// A lock is stale when its holder is gone: on the same host, when no process with its pid and start time runs;
/// on another host, when its heartbeat is older than <see cref="StaleAfter"/> by the file server's clock (read from
/// a file written just before, so clock skew between hosts does not matter). Breaking a stale lock happens under a
/// second lock (<c>.lock.break</c>), after checking again that the lock is still the one found stale, so two
/// processes breaking at once never remove a live lock.
/// </para>
/// </summary>
public sealed class RunLock : IDisposable
{
    /// <summary>How often the holder refreshes its heartbeat.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(20);

    /// <summary>How old a heartbeat on another host must be for its lock to count as abandoned.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan BreakerStaleAfter = TimeSpan.FromMinutes(1);

    private readonly string _folder;
    private readonly Timer _heartbeat;
    private bool _released;

    private RunLock(string folder, LockHolder holder)
    {
        _folder = folder;
        Holder = holder;
        _heartbeat = new Timer(_ => Beat(), null, HeartbeatInterval, HeartbeatInterval);
    }

    /// <summary>This lock's holder (this process).</summary>
    public LockHolder Holder { get; }

    /// <summary>The lock's path in <paramref name="runFolder"/>.</summary>
    public static string PathIn(string runFolder) => Path.Combine(runFolder, ".lock");

    /// <summary>Takes the lock of <paramref name="runFolder"/>, breaking it first if its holder is gone.</summary>
    /// <exception cref="DeclarationException">A live process holds it; the message names that process.</exception>
    public static RunLock Acquire(string runFolder)
    {
        var folder = Path.GetFullPath(runFolder);
        var me = new LockHolder(System.Environment.MachineName, System.Environment.ProcessId, ProcessStart(), Guid.NewGuid().ToString("N"));
        // Two attempts: the second after breaking a stale lock (another process may win the race for it then).
        for (var attempt = 0; attempt < 2; attempt++)
        {
            // The heartbeat exists before the lock, so a lock found without its heartbeat is abandoned.
            File.WriteAllText(HeartbeatPath(folder, me.Token), "");
            if (TryCreate(PathIn(folder), me.ToString()))
            {
                return new RunLock(folder, me);
            }
            File.Delete(HeartbeatPath(folder, me.Token));
            var target = ReadTarget(PathIn(folder));
            if (target is null)
            {
                continue; // released between our attempt and the read
            }
            var holder = LockHolder.Parse(target);
            if (!IsStale(folder, holder) || !TryBreak(folder, target))
            {
                throw Held(folder, holder, target);
            }
        }
        throw Held(folder, LockHolder.Parse(ReadTarget(PathIn(folder))), ReadTarget(PathIn(folder)) ?? "?");
    }

    /// <summary>
    /// Takes the lock in a folder no other process knows yet (<paramref name="newFolder"/>), which is then renamed to
    /// <paramref name="finalFolder"/> with the lock inside it.
    /// </summary>
    internal static RunLock TakeInNewFolder(string newFolder, string finalFolder)
    {
        var me = new LockHolder(System.Environment.MachineName, System.Environment.ProcessId, ProcessStart(), Guid.NewGuid().ToString("N"));
        File.WriteAllText(HeartbeatPath(newFolder, me.Token), "");
        File.CreateSymbolicLink(PathIn(newFolder), me.ToString());
        return new RunLock(Path.GetFullPath(finalFolder), me);
    }

    /// <summary>Releases the lock (idempotent).</summary>
    public void Dispose()
    {
        lock (_heartbeat)
        {
            if (_released)
            {
                return;
            }
            _released = true;
        }
        _heartbeat.Dispose();
        // Only our own lock is removed: after a (wrongly) broken lock another process may hold it now.
        if (ReadTarget(PathIn(_folder)) == Holder.ToString())
        {
            TryDelete(PathIn(_folder));
        }
        TryDelete(HeartbeatPath(_folder, Holder.Token));
    }

    private void Beat()
    {
        lock (_heartbeat)
        {
            if (_released)
            {
                return;
            }
            try
            {
                // A write, not a timestamp set: the file server stamps the mtime with its own clock.
                File.WriteAllText(HeartbeatPath(_folder, Holder.Token), DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // A missed beat is harmless; only five minutes of them make the lock look abandoned.
            }
        }
    }

    private static string HeartbeatPath(string folder, string token) => Path.Combine(folder, $".lock.{token}.heartbeat");

    private static bool IsStale(string folder, LockHolder? holder)
    {
        if (holder is null)
        {
            return false; // not our format: never break what we do not understand
        }
        if (holder.Host == System.Environment.MachineName)
        {
            return !IsRunning(holder);
        }
        var heartbeat = HeartbeatPath(folder, holder.Token);
        return !File.Exists(heartbeat) || ServerNow(folder) - File.GetLastWriteTimeUtc(heartbeat) > StaleAfter;
    }

    private static bool IsRunning(LockHolder holder)
    {
        try
        {
            using var process = Process.GetProcessById(holder.Pid);
            return !process.HasExited && Math.Abs((process.StartTime.ToUniversalTime() - holder.StartedAt).TotalSeconds) < 2;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Removes the stale lock <paramref name="target"/> under the breaker lock; false when another process holds that.</summary>
    private static bool TryBreak(string folder, string target)
    {
        var breaker = Path.Combine(folder, ".lock.break");
        if (!TryCreate(breaker, target))
        {
            // A breaker that died mid-break leaves its lock; it is only ever held for a moment.
            if (ServerNow(folder) - SymlinkTime(breaker) <= BreakerStaleAfter)
            {
                return false;
            }
            TryDelete(breaker);
            if (!TryCreate(breaker, target))
            {
                return false;
            }
        }
        try
        {
            if (ReadTarget(PathIn(folder)) == target)
            {
                TryDelete(PathIn(folder));
                if (LockHolder.Parse(target) is { } stale)
                {
                    TryDelete(HeartbeatPath(folder, stale.Token));
                }
            }
            return true;
        }
        finally
        {
            TryDelete(breaker);
        }
    }

    private static bool TryCreate(string path, string target)
    {
        try
        {
            File.CreateSymbolicLink(path, target);
            return true;
        }
        catch (IOException) when (Path.Exists(path) || ReadTarget(path) is not null)
        {
            return false;
        }
    }

    private static string? ReadTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static DateTime SymlinkTime(string path)
    {
        // The target is not a path, so the link dangles and its own times are read.
        var info = new FileInfo(path);
        return info.Exists || info.LinkTarget is not null ? info.LastWriteTimeUtc : DateTime.MinValue;
    }

    /// <summary>The file server's clock: the mtime of a file written now.</summary>
    private static DateTime ServerNow(string folder)
    {
        var probe = Path.Combine(folder, $".lock.clock-{System.Environment.ProcessId}-{Guid.NewGuid():N}");
        File.WriteAllText(probe, "");
        try
        {
            return File.GetLastWriteTimeUtc(probe);
        }
        finally
        {
            TryDelete(probe);
        }
    }

    private static DateTime ProcessStart()
    {
        using var self = Process.GetCurrentProcess();
        return self.StartTime.ToUniversalTime();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Gone already, or the folder went away.
        }
    }

    private static DeclarationException Held(string folder, LockHolder? holder, string target)
    {
        var who = holder?.Describe() ?? $"'{target}'";
        return new DeclarationException(folder,
            $"{folder} is in use by {who} (lock {PathIn(folder)}). Wait for that run to finish; if it is gone, " +
            $"its lock counts as abandoned once {(holder?.Host == System.Environment.MachineName || holder is null ? "its process has ended" : $"its heartbeat is {StaleAfter.TotalMinutes:0} minutes old")}.");
    }
}
