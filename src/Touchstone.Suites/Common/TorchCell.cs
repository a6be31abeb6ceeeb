using Touchstone.Core.Experiments;
using Touchstone.Torch;

namespace Touchstone.Suites.Common;

/// <summary>
/// The first call of every libtorch suite's run: it returns the cell's device. It deliberately sets no
/// process-wide libtorch state: the thread counts and deterministic kernels a cell's numbers depend on are the
/// run's setting (<c>--threads</c>), applied once before the first cell by <see cref="LibtorchProbe.ConfigureNumerics"/>
/// and recorded in the fingerprint — a per-cell call here would silently override it (docs/reproducibility.md).
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
    /// <summary>The cell's device, parsed from its context.</summary>
    public static Device Begin(ICellContext context) => Device.Parse(context.Device);
}
