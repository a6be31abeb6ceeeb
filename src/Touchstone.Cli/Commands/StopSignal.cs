using System.Runtime.InteropServices;

namespace Touchstone.Cli.Commands;

/// <summary>
/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a clean stop: the running cells are asked to stop, nothing
/// half-done is committed, the run-level tables are written, and the process exits with 130. A second signal
/// ends the process at once (files already committed stay intact; they are written atomically).
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter _error;

    public StopSignal(CliContext context)
    {
        _error = context.Error;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(context.Stop);
        if (context.HandleSignals)
        {
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
        }
    }

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext signal)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        signal.Cancel = true;
        _error.WriteLine("touchstone: stopping after the running cells reach their next step (signal again to stop at once)...");
        _stop.Cancel();
    }
}
