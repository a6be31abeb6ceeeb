using System.Security.Cryptography;
using System.Text;
using Touchstone.Tracking.Errors;

namespace Touchstone.Tracking.FileStore;

/// <summary>
/// Serializes experiment creation in one <c>mlruns</c> folder across processes on this machine (e.g. CI shards
/// sharing a workspace), so an experiment name stays unique. A named mutex leaves no file in the store.
/// </summary>
internal sealed class ExperimentLock : IDisposable
{
    private readonly Mutex _mutex;

    private ExperimentLock(Mutex mutex) => _mutex = mutex;

    public static ExperimentLock Acquire(string root)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..16];
        var mutex = new Mutex(initiallyOwned: false, $"touchstone-mlruns-{hash}");
        try
        {
            if (!mutex.WaitOne(TimeSpan.FromSeconds(30)))
            {
                mutex.Dispose();
                throw new StoreUnavailableException($"another process has held the experiment lock of {root} for 30 s");
            }
        }
        catch (AbandonedMutexException)
        {
            // The previous holder died; the mutex is ours now and the folder is as it left it.
        }
        return new ExperimentLock(mutex);
    }

    public void Dispose()
    {
        _mutex.ReleaseMutex();
        _mutex.Dispose();
    }
}
