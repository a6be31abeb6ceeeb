using Touchstone.Core.Experiments;
using Touchstone.Torch;

namespace Touchstone.Suites.Common;

/// <summary>
/// The first call of every libtorch suite's run: it pins the process-wide libtorch settings a cell's numbers depend
/// on and returns the cell's device. The harness core knows nothing of libtorch, so these settings are made here,
/// in one place, for every suite alike.
/// </summary>
/// <example><code>
/// protected override void Run(ICellContext context, MyConfig config)
/// {
///     ConfigCheck.Validate("my-experiment", config.Validate);
///     var device = TorchCell.Begin(context);
///     using var streams = new RandomStreams(context.Seed, device);
///     ...
/// }
/// </code></example>
public static class TorchCell
{
    /// <summary>
    /// Deterministic kernels and one intra-op thread (a different thread count may sum in another order, so CPU
    /// reruns would not be bit-identical), then the cell's device.
    /// </summary>
    public static Device Begin(ICellContext context)
    {
        TorchRuntime.SetDeterministic(threads: 1);
        return Device.Parse(context.Device);
    }
}
