using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;
using Touchstone.Suites.EnergyOod.ListOps;
using Touchstone.Suites.EnergyOod.Vector;

namespace Touchstone.Suites.EnergyOod;

/// <summary>
/// The vector cells of the <c>ebt-ffn-ood</c> suite: an energy-based model against a feed-forward net in and out of
/// distribution on vector addition and multiplication of one data reading (amirhosseinmhd/EBM; Gladstone et al.
/// 2025). See docs/suites/ebt-ffn-ood.md.
/// </summary>
public sealed class EnergyOodVectorExperiment : Experiment<EnergyOodVectorConfig>
{
    /// <inheritdoc />
    public override string Key => "ebt-ffn-ood-vector";

    /// <inheritdoc />
    protected override void Run(ICellContext context, EnergyOodVectorConfig config)
    {
        config.Validate();
        VectorRun.Run(context, config, TorchCell.Begin(context));
    }
}

/// <summary>
/// The ListOps cells of the <c>ebt-ffn-ood</c> suite: a Transformer classifier against an EBT classifier on ListOps.
/// A suite variant selects it with <c>experiment: ebt-ffn-ood-listops</c>. See docs/suites/ebt-ffn-ood.md.
/// </summary>
public sealed class EnergyOodListOpsExperiment : Experiment<EnergyOodListOpsConfig>
{
    /// <inheritdoc />
    public override string Key => "ebt-ffn-ood-listops";

    /// <inheritdoc />
    protected override void Run(ICellContext context, EnergyOodListOpsConfig config)
    {
        config.Validate();
        ListOpsRun.Run(context, config, TorchCell.Begin(context));
    }
}
