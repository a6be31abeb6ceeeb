using Touchstone.Torch.NN;
using Touchstone.Torch.Tests.Support;

namespace Touchstone.Torch.Tests;

// Second-order autograd through Autograd.Grad(createGraph: true), checked against finite differences in float64.
public sealed class DoubleBackwardTests
{
    private static Sequential Mlp() =>
        new(new Linear(3, 6, dtype: DType.Float64), new Tanh(), new Linear(6, 4, dtype: DType.Float64), new SiLU(), new Linear(4, 1, dtype: DType.Float64));

    private static Tensor Dot(IReadOnlyList<Tensor> a, IReadOnlyList<Tensor> b) =>
        a.Zip(b, (x, y) => (x * y).Sum()).Aggregate((x, y) => x + y);

    [Fact]
    public void Hessian_vector_product_of_an_mlp_energy_matches_finite_differences_of_the_gradient()
    {
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(21);
        using var net = Mlp();
        var parameters = net.Parameters().ToList<Tensor>();
        var x = Tensor.Randn([5, 3], dtype: DType.Float64);
        var v = parameters.Select(p => Tensor.RandnLike(p)).ToList();
        Tensor Energy() => net.Forward(x).Sum();

        var gradient = Autograd.Grad(Energy(), parameters, createGraph: true);
        // The last bias enters the energy linearly: its row of the Hessian is zero and autograd reports it unused.
        var hvp = Autograd.Grad([Dot(gradient, v)], parameters, allowUnused: true)
            .Select((h, i) => h ?? Tensor.ZerosLike(parameters[i])).ToArray();

        const double eps = 1e-5;
        double[][] GradientAt(double sign)
        {
            using var inner = DisposeScope.Begin();
            using (Autograd.NoGrad())
            {
                for (var i = 0; i < parameters.Count; i++)
                {
                    parameters[i].Add_(v[i], sign * eps);
                }
            }
            var g = Autograd.Grad(Energy(), parameters).Select(t => t.ToArray<double>()).ToArray();
            using (Autograd.NoGrad())
            {
                for (var i = 0; i < parameters.Count; i++)
                {
                    parameters[i].Sub_(v[i], sign * eps);
                }
            }
            return g;
        }
        var plus = GradientAt(1);
        var minus = GradientAt(-1);
        for (var i = 0; i < parameters.Count; i++)
        {
            var analytic = hvp[i].ToArray<double>();
            for (var j = 0; j < analytic.Length; j++)
            {
                var numeric = (plus[i][j] - minus[i][j]) / (2 * eps);
                Assert.True(Math.Abs(analytic[j] - numeric) <= 1e-6 + 1e-4 * Math.Abs(numeric),
                    $"parameter {i} element {j}: Hv = {analytic[j]:R}, finite differences {numeric:R}");
            }
        }
        Assert.Contains(hvp, h => h.Abs().Max().Item<double>() > 1e-3);   // a real, non-trivial curvature
    }

    [Fact]
    public void Gradient_through_one_unrolled_gradient_step_matches_finite_differences()
    {
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(22);
        using var net = Mlp();
        var parameters = net.Parameters().ToList<Tensor>();
        var (xTrain, yTrain) = (Tensor.Randn([6, 3], dtype: DType.Float64), Tensor.Randn([6, 1], dtype: DType.Float64));
        var (xVal, yVal) = (Tensor.Randn([4, 3], dtype: DType.Float64), Tensor.Randn([4, 1], dtype: DType.Float64));
        const double lr = 0.3;

        // L_val(θ − lr ∇L_train(θ)), evaluated with the stepped weights through the functional layers.
        Tensor Unrolled()
        {
            var trainLoss = F.MseLoss(net.Forward(xTrain), yTrain);
            var grads = Autograd.Grad(trainLoss, parameters, createGraph: true);
            var stepped = parameters.Zip(grads, (p, g) => p - g * lr).ToList();
            var h = F.Linear(xVal, stepped[0], stepped[1]).Tanh();
            h = F.Linear(h, stepped[2], stepped[3]).Silu();
            return F.MseLoss(F.Linear(h, stepped[4], stepped[5]), yVal);
        }
        GradCheck.CheckLeaves(Unrolled, parameters, atol: 1e-6, rtol: 1e-4);
    }

    [Fact]
    public void Penalty_on_the_input_gradient_of_an_energy_differentiates_to_the_parameters()
    {
        // As an energy-based model's score-matching or gradient-penalty term: ‖∂E/∂x‖² differentiated w.r.t. θ.
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(23);
        using var net = Mlp();
        var x = Tensor.Randn([5, 3], dtype: DType.Float64).RequiresGrad_();
        Tensor Penalty()
        {
            var dx = Autograd.Grad(net.Forward(x).Sum(), [x], createGraph: true)[0];
            return dx.Square().Sum();
        }
        GradCheck.CheckLeaves(Penalty, net.Parameters().ToList(), atol: 1e-6, rtol: 1e-4);
    }
}
