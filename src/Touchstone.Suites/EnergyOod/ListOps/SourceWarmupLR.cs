using Touchstone.Torch.Optim;

namespace Touchstone.Suites.EnergyOod.ListOps;

/// <summary>
/// The source's warm-up (model/train_transformer.py): LambdaLR with factor step/warmup below warmup, 1 after. The
/// factor of step 0 is 0, so the first optimizer step is taken at learning rate 0, as in the source.
/// </summary>
public sealed class SourceWarmupLR : LrScheduler
{
    private readonly long _warmupSteps;

    /// <summary>Warms up over <paramref name="warmupSteps"/> steps (0: no warm-up).</summary>
    public SourceWarmupLR(Optimizer optimizer, long warmupSteps) : base(optimizer)
    {
        _warmupSteps = warmupSteps;
        Apply();
    }

    /// <inheritdoc />
    public override double Factor(long step) => step < _warmupSteps ? (double)step / _warmupSteps : 1.0;
}
