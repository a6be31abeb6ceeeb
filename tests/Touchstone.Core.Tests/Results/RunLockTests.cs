using System.Diagnostics;
using Touchstone.Core.Declarations;
using Touchstone.Core.Results;
using Touchstone.Testing;

namespace Touchstone.Core.Tests.Results;

public sealed class RunLockTests
{
    private static string Lock(TempDirectory dir) => RunLock.PathIn(dir.Path);

    private static string Heartbeat(TempDirectory dir, LockHolder holder) => dir.Combine($".lock.{holder.Token}.heartbeat");

    /// <summary>Leaves a lock as another process would have: the symbolic link naming it, and its heartbeat file.</summary>
    private static void Plant(TempDirectory dir, LockHolder holder, TimeSpan heartbeatAge)
    {
        File.WriteAllText(Heartbeat(dir, holder), "");
        File.SetLastWriteTimeUtc(Heartbeat(dir, holder), DateTime.UtcNow - heartbeatAge);
        File.CreateSymbolicLink(Lock(dir), holder.ToString());
    }

    [Fact]
    public void A_held_lock_refuses_a_second_holder_naming_host_pid_and_start_time()
    {
        using var dir = new TempDirectory();
        using var first = RunLock.Acquire(dir.Path);

        var error = Assert.Throws<DeclarationException>(() => RunLock.Acquire(dir.Path));

        var message = error.Diagnostics.Single().Message;
        Assert.Contains($"process {System.Environment.ProcessId} on host {System.Environment.MachineName}, started {first.Holder.StartedAt:yyyy-MM-dd HH:mm:ss} UTC", message);
        Assert.Contains(dir.Path, message);
    }

    [Fact]
    public void Released_lock_can_be_taken_again_and_leaves_no_files()
    {
        using var dir = new TempDirectory();
        RunLock.Acquire(dir.Path).Dispose();
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
        using var again = RunLock.Acquire(dir.Path);
        Assert.Equal(again.Holder.ToString(), new FileInfo(Lock(dir)).LinkTarget);
    }

    [Fact]
    public void A_lock_whose_process_on_this_host_has_ended_is_broken()
    {
        using var dir = new TempDirectory();
        using var ended = Process.Start("true")!;
        ended.WaitForExit();
        var dead = new LockHolder(System.Environment.MachineName, ended.Id, DateTime.UtcNow.AddSeconds(-1), Guid.NewGuid().ToString("N"));
        Plant(dir, dead, TimeSpan.Zero);

        using var taken = RunLock.Acquire(dir.Path);

        Assert.Equal(taken.Holder.ToString(), new FileInfo(Lock(dir)).LinkTarget);
        Assert.False(File.Exists(Heartbeat(dir, dead)));
    }

    [Fact]
    public void A_reused_pid_does_not_keep_a_dead_holders_lock()
    {
        using var dir = new TempDirectory();
        // Our own pid, but a start time that is not ours: the recorded process is gone, the pid was reused.
        Plant(dir, new LockHolder(System.Environment.MachineName, System.Environment.ProcessId, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc), "t"), TimeSpan.Zero);
        using var taken = RunLock.Acquire(dir.Path);
        Assert.Equal(taken.Holder.ToString(), new FileInfo(Lock(dir)).LinkTarget);
    }

    [Fact]
    public void Another_hosts_lock_holds_while_its_heartbeat_is_fresh_and_is_broken_when_it_is_old()
    {
        using var fresh = new TempDirectory();
        Plant(fresh, new LockHolder("node-17", 4242, DateTime.UtcNow, "a1"), TimeSpan.FromMinutes(1));
        var error = Assert.Throws<DeclarationException>(() => RunLock.Acquire(fresh.Path));
        Assert.Contains("process 4242 on host node-17", error.Message);
        Assert.Contains("heartbeat", error.Message);

        using var old = new TempDirectory();
        Plant(old, new LockHolder("node-17", 4242, DateTime.UtcNow, "a2"), RunLock.StaleAfter + TimeSpan.FromMinutes(1));
        using var taken = RunLock.Acquire(old.Path);
        Assert.Equal(taken.Holder.ToString(), new FileInfo(Lock(old)).LinkTarget);
    }

    [Fact]
    public void A_lock_in_an_unknown_format_is_never_broken()
    {
        using var dir = new TempDirectory();
        File.CreateSymbolicLink(Lock(dir), "something else");
        var error = Assert.Throws<DeclarationException>(() => RunLock.Acquire(dir.Path));
        Assert.Contains("'something else'", error.Message);
    }

    [Fact]
    public void Many_threads_racing_for_one_lock_have_exactly_one_winner_each_round()
    {
        using var dir = new TempDirectory();
        for (var round = 0; round < 50; round++)
        {
            var winners = new System.Collections.Concurrent.ConcurrentBag<RunLock>();
            Parallel.For(0, 4, _ =>
            {
                try
                {
                    winners.Add(RunLock.Acquire(dir.Path));
                }
                catch (DeclarationException)
                {
                    // lost the race
                }
            });
            Assert.Single(winners);
            winners.Single().Dispose();
        }
    }
}
