using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;
using Touchstone.Suites.EnergyOod.ListOps;
using Touchstone.Suites.EnergyOod.Vector;

namespace Touchstone.Suites.EnergyOod;

/// <summary>
/// The <c>ebt-ffn-ood</c> suite: an energy-based model against a feed-forward net out of distribution
/// (amirhosseinmhd/EBM; Gladstone et al. 2025). A <c>vector</c> cell trains the EBT and the FFN on vector addition
/// and multiplication of one data reading; a <c>list_ops</c> cell trains the Transformer classifier and the EBT
/// classifier on ListOps. See docs/suites/ebt-ffn-ood.md.
/// </summary>
public sealed class EnergyOodExperiment : Experiment<EnergyOodConfig>
{
    /// <inheritdoc />
    public override string Key => "ebt-ffn-ood";

    /// <inheritdoc />
    protected override void Run(ICellContext context, EnergyOodConfig config)
    {
        var device = TorchCell.Begin(context);
        switch (config.Task)
        {
            case EnergyOodTask.Vector:
                VectorRun.Run(context, config, device);
                break;
            case EnergyOodTask.ListOps:
                ListOpsRun.Run(context, config, device);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(config), config.Task, "unknown task: use vector or list_ops");
        }
    }
}
