namespace Touchstone.Torch.Optim;

/// <summary>Sets the learning rate of every parameter group to its initial rate times a factor of the step count,
/// as torch.optim.lr_scheduler.LambdaLR. Call <see cref="Step"/> after each optimizer step.</summary>
/// <example><code>
/// var schedule = new CosineAnnealingLR(optimizer, totalSteps: 5000, minLr: 6e-5, warmupSteps: 200);
/// for (var step = 0; step &lt; 5000; step++) { /* ... */ optimizer.Step(); schedule.Step(); }
/// </code></example>
public abstract class LrScheduler
{
    private readonly Optimizer _optimizer;

    /// <summary>Applies the factor of step 0 at once, as PyTorch's schedulers do.</summary>
    protected LrScheduler(Optimizer optimizer)
    {
        _optimizer = optimizer;
    }

    /// <summary>Optimizer steps taken so far.</summary>
    public long StepCount { get; private set; }

    /// <summary>The multiplier of the initial learning rate at a step.</summary>
    public abstract double Factor(long step);

    /// <summary>Advances one step and sets the new learning rates.</summary>
    public void Step()
    {
        StepCount++;
        Apply();
    }

    /// <summary>The current learning rate of each group.</summary>
    public IReadOnlyList<double> LastLr => _optimizer.ParamGroups.Select(g => g.Lr).ToArray();

    /// <summary>Sets the rates for the current step; subclasses call it at the end of their constructor.</summary>
    protected void Apply()
    {
        var factor = Factor(StepCount);
        foreach (var group in _optimizer.ParamGroups)
        {
            group.Lr = group.InitialLr * factor;
        }
    }
}

/// <summary>A constant learning rate (factor 1): the named "no schedule".</summary>
public sealed class ConstantLR : LrScheduler
{
    /// <summary>Keeps the optimizer's learning rates.</summary>
    public ConstantLR(Optimizer optimizer) : base(optimizer) => Apply();

    /// <inheritdoc />
    public override double Factor(long step) => 1;
}

/// <summary>Linear warm-up: the rate grows as (step + 1) / warmupSteps of its initial value, then stays there.</summary>
public sealed class LinearWarmupLR : LrScheduler
{
    private readonly long _warmupSteps;

    /// <summary>Warms up over warmupSteps steps.</summary>
    public LinearWarmupLR(Optimizer optimizer, long warmupSteps) : base(optimizer)
    {
        _warmupSteps = warmupSteps >= 0 ? warmupSteps : throw new ArgumentOutOfRangeException(nameof(warmupSteps));
        Apply();
    }

    /// <inheritdoc />
    public override double Factor(long step) => step < _warmupSteps ? (step + 1.0) / _warmupSteps : 1;
}

/// <summary>Optional linear warm-up, then cosine decay from the initial rate to minLr at totalSteps (and minLr
/// after), as nanoGPT's schedule and torch's CosineAnnealingLR closed form.</summary>
public sealed class CosineAnnealingLR : LrScheduler
{
    private readonly long _totalSteps;
    private readonly long _warmupSteps;
    private readonly double _minFactor;

    /// <summary>Decays over totalSteps (warm-up included); minLr is relative to the first group's initial rate
    /// (as a factor it applies to every group alike).</summary>
    public CosineAnnealingLR(Optimizer optimizer, long totalSteps, double minLr = 0, long warmupSteps = 0) : base(optimizer)
    {
        if (totalSteps <= 0 || warmupSteps < 0 || warmupSteps > totalSteps)
        {
            throw new ArgumentException($"need 0 <= warmupSteps ({warmupSteps}) <= totalSteps ({totalSteps}) and totalSteps > 0");
        }
        _totalSteps = totalSteps;
        _warmupSteps = warmupSteps;
        var baseLr = optimizer.ParamGroups[0].InitialLr;
        _minFactor = baseLr > 0 ? minLr / baseLr : 0;
        Apply();
    }

    /// <inheritdoc />
    public override double Factor(long step)
    {
        if (step < _warmupSteps)
        {
            return (step + 1.0) / _warmupSteps;
        }
        if (step >= _totalSteps)
        {
            return _minFactor;
        }
        var progress = (double)(step - _warmupSteps) / (_totalSteps - _warmupSteps);
        return _minFactor + (1 - _minFactor) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}
