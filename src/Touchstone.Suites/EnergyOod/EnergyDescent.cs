using Touchstone.Torch;

namespace Touchstone.Suites.EnergyOod;

/// <summary>How one inference descends an energy landscape.</summary>
public sealed record DescentPlan
{
    /// <summary>Gradient steps N.</summary>
    public required int Steps { get; init; }

    /// <summary>Step size α, unless <see cref="StepSizes"/> is given.</summary>
    public double StepSize { get; init; } = 1.0;

    /// <summary>One step size per example, shape (batch, 1) (the paper's S2 randomisation), or null for α.</summary>
    public Tensor? StepSizes { get; init; }

    /// <summary>Standard deviation of Langevin noise added to ŷ before every step (0: none).</summary>
    public double NoiseStd { get; init; }

    /// <summary>Where the Langevin noise comes from (required when <see cref="NoiseStd"/> is positive).</summary>
    public Generator? NoiseGenerator { get; init; }

    /// <summary>
    /// Whether ŷ is cut from the graph before every step (the toy's S1). The paper's S2 keeps the chain; the
    /// gradients of the steps before the last are taken without a graph either way, so ŷ_{N−1} does not depend on
    /// θ in both recipes.
    /// </summary>
    public bool DetachBetweenSteps { get; init; } = true;
}

/// <summary>
/// Inference of an energy-based model: ŷ ← ŷ − α ∇ŷ E_θ(ŷ), N times. The gradients of steps 0..N−2 are taken
/// without a graph; in training the last one is taken with <c>create_graph</c>, so a loss on ŷ_N reaches θ only
/// through ∇ŷE at the last step (a mixed second derivative, computed by double backward). Without it the loss
/// would not depend on θ at all.
/// </summary>
public static class EnergyDescent
{
    /// <summary>
    /// Descends from <paramref name="initial"/> and returns ŷ_N. <paramref name="energy"/> maps ŷ to one energy per
    /// example. With <paramref name="train"/> ŷ_N carries the graph of the last step; otherwise it is detached.
    /// When <paramref name="meanEnergies"/> is given it receives the mean energy seen at each step and, last, the
    /// mean energy at ŷ_N (N + 1 values).
    /// </summary>
    public static Tensor Minimize(Func<Tensor, Tensor> energy, Tensor initial, DescentPlan plan, bool train, List<double>? meanEnergies = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(plan.Steps);
        using var enable = Autograd.EnableGrad();
        var y = initial.Detach().RequiresGrad_();
        for (var step = 0; step < plan.Steps; step++)
        {
            var last = step == plan.Steps - 1;
            if (plan.DetachBetweenSteps && step > 0)
            {
                y = y.Detach().RequiresGrad_();
            }
            if (plan.NoiseStd > 0)
            {
                y = y + Tensor.RandnLike(y, plan.NoiseGenerator) * plan.NoiseStd;
            }
            var e = energy(y);
            meanEnergies?.Add(Mean(e));
            // The rule of the whole method: only the last step's gradient is itself differentiable.
            var grad = Autograd.Grad(e.Sum(), [y], createGraph: train && last)[0];
            y = plan.StepSizes is { } sizes ? y - grad * sizes : y - grad * plan.StepSize;
        }
        if (meanEnergies is not null)
        {
            using var noGrad = Autograd.NoGrad();
            meanEnergies.Add(Mean(energy(y)));
        }
        return train ? y : y.Detach();
    }

    private static double Mean(Tensor energies)
    {
        using var noGrad = Autograd.NoGrad();
        using var mean = energies.Mean();
        return mean.Item<double>();
    }
}
