using Touchstone.Suites.EnergyOod;
using Touchstone.Suites.EnergyOod.Vector;
using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.Tests.EnergyOod;

public sealed class EnergyDescentTests
{
    private const double Alpha = 0.7;

    // A small float64 energy and fixed inputs, so finite differences are accurate to ~1e-9.
    private sealed class Fixture : IDisposable
    {
        public Fixture(ulong seed = 3)
        {
            using var init = new Generator(seed);
            Model = new EnergyModel(inputDim: 4, outputDim: 3, latentDim: 8, init);
            Model.To(DType.Float64);
            X = Tensor.Randn([5, 4], init, DType.Float64).DetachFromDisposeScope();
            Start = Tensor.Randn([5, 3], init, DType.Float64).DetachFromDisposeScope();
            Target = Tensor.Randn([5, 3], init, DType.Float64).DetachFromDisposeScope();
        }

        public EnergyModel Model { get; }
        public Tensor X { get; }
        public Tensor Start { get; }
        public Tensor Target { get; }
        public Parameter[] Parameters => Model.Parameters().ToArray();

        public Tensor Loss(int steps, bool train) =>
            F.MseLoss(EnergyDescent.Minimize(y => Model.Forward(X, y), Start, new DescentPlan { Steps = steps, StepSize = Alpha }, train), Target);

        public double[][] Gradient(int steps)
        {
            using var scope = DisposeScope.Begin();
            return Values(Autograd.Grad([Loss(steps, train: true)], Parameters, allowUnused: true));
        }

        // The energy head's bias shifts E without changing ∇ŷE, so it never gets a gradient: zeros for it.
        public double[][] Values(Tensor?[] grads) =>
            grads.Select((g, i) => g?.ToArray<double>() ?? new double[Parameters[i].NumEl]).ToArray();

        public void Dispose()
        {
            Model.Dispose();
            X.Dispose();
            Start.Dispose();
            Target.Dispose();
        }
    }

    [Fact]
    public void Parameter_gradient_through_the_last_step_matches_finite_differences_in_float64()
    {
        using var f = new Fixture();
        var analytic = f.Gradient(steps: 1);
        Assert.Contains(analytic.SelectMany(g => g), v => Math.Abs(v) > 1e-6);

        const double h = 1e-6;
        var checkedEntries = 0;
        for (var p = 0; p < f.Parameters.Length; p++)
        {
            var count = analytic[p].Length;
            foreach (var i in new[] { 0, count / 2, count - 1 }.Distinct())
            {
                var plus = LossWith(f, p, i, +h);
                var minus = LossWith(f, p, i, -h);
                var numeric = (plus - minus) / (2 * h);
                Assert.True(Math.Abs(numeric - analytic[p][i]) <= 1e-6 * Math.Max(1, Math.Abs(numeric)),
                    $"parameter {f.Model.NamedParameters().ElementAt(p).Name}[{i}]: autograd {analytic[p][i]:G10}, finite differences {numeric:G10}");
                checkedEntries++;
            }
        }
        Assert.True(checkedEntries >= 2 * f.Parameters.Length - 1);
    }

    [Fact]
    public void With_the_last_step_detached_the_loss_has_no_parameter_gradient()
    {
        using var f = new Fixture();
        using var scope = DisposeScope.Begin();
        var y = f.Start.Detach().RequiresGrad_();
        var gradY = Autograd.Grad(f.Model.Forward(f.X, y).Sum(), [y], createGraph: false)[0];
        var loss = F.MseLoss(y - gradY * Alpha, f.Target);

        var grads = Autograd.Grad([loss], f.Parameters, allowUnused: true);

        Assert.All(grads, g => Assert.True(g is null || g.Abs().Max().Item<double>() == 0));
        // The same loss with the graph kept does reach θ (the fixture's analytic gradient is non-zero).
        Assert.Contains(f.Gradient(steps: 1).SelectMany(g => g), v => v != 0);
        Assert.False(f.Loss(1, train: false).RequiresGrad);
    }

    [Fact]
    public void Steps_before_the_last_contribute_nothing_to_the_parameter_gradient()
    {
        using var f = new Fixture();
        var unrolled = f.Gradient(steps: 6);

        // Five detached steps, then one step with a graph from where they ended: the same gradient, bit for bit.
        using var scope = DisposeScope.Begin();
        var before = EnergyDescent.Minimize(y => f.Model.Forward(f.X, y), f.Start, new DescentPlan { Steps = 5, StepSize = Alpha }, train: false);
        var last = F.MseLoss(EnergyDescent.Minimize(y => f.Model.Forward(f.X, y), before, new DescentPlan { Steps = 1, StepSize = Alpha }, train: true), f.Target);
        var lastOnly = f.Values(Autograd.Grad([last], f.Parameters, allowUnused: true));
        Assert.Equal(unrolled, lastOnly);

        // Backpropagating through every step (the rule the toy avoids) gives another gradient: the check can fail.
        var full = FullyUnrolled(f, steps: 6);
        Assert.NotEqual(unrolled.SelectMany(g => g).ToArray(), full.SelectMany(g => g).ToArray());
    }

    [Fact]
    public void The_paper_s2_chain_without_detaching_gives_the_same_parameter_gradient()
    {
        using var f = new Fixture();
        using var scope = DisposeScope.Begin();
        var chained = new DescentPlan { Steps = 4, StepSize = Alpha, DetachBetweenSteps = false };
        var loss = F.MseLoss(EnergyDescent.Minimize(y => f.Model.Forward(f.X, y), f.Start, chained, train: true), f.Target);
        var grads = f.Values(Autograd.Grad([loss], f.Parameters, allowUnused: true));

        Assert.Equal(f.Gradient(steps: 4), grads);
    }

    [Fact]
    public void Energies_are_recorded_at_every_step_and_at_the_end()
    {
        using var f = new Fixture();
        using var scope = DisposeScope.Begin();
        var energies = new List<double>();
        EnergyDescent.Minimize(y => f.Model.Forward(f.X, y), f.Start, new DescentPlan { Steps = 4, StepSize = Alpha }, train: false, energies);

        Assert.Equal(5, energies.Count);
        Assert.Equal(f.Model.Forward(f.X, f.Start).Mean().Item<double>(), energies[0], 12);
    }

    private static double LossWith(Fixture f, int parameter, int index, double delta)
    {
        using var scope = DisposeScope.Begin();
        var flat = f.Parameters[parameter].View(-1).Narrow(0, index, 1);
        using (Autograd.NoGrad())
        {
            flat.Add_(delta);
        }
        var value = f.Loss(1, train: false).Item<double>();
        using (Autograd.NoGrad())
        {
            flat.Add_(-delta);
        }
        return value;
    }

    private static double[][] FullyUnrolled(Fixture f, int steps)
    {
        using var scope = DisposeScope.Begin();
        var y = f.Start.Detach().RequiresGrad_();
        for (var k = 0; k < steps; k++)
        {
            y = y - Autograd.Grad(f.Model.Forward(f.X, y).Sum(), [y], createGraph: true)[0] * Alpha;
        }
        return f.Values(Autograd.Grad([F.MseLoss(y, f.Target)], f.Parameters, allowUnused: true));
    }
}
