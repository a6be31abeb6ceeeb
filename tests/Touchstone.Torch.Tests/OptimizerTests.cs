using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;
using Touchstone.Torch.Tests.Support;

namespace Touchstone.Torch.Tests;

public sealed class OptimizerTests
{
    [Fact]
    public void AdamW_matches_pytorch_bit_for_bit_over_three_steps()
    {
        // torch.manual_seed(0); Linear(3, 2); AdamW(lr=0.1, weight_decay=0.05); three MSE steps on fixed data
        // (PyTorch 1.13.1 on the same libtorch).
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(0);
        using var net = new Linear(3, 2);
        using var optimizer = new AdamW(net.Parameters(), lr: 0.1, weightDecay: 0.05, fused: false);
        var x = Tensor.From(new float[,] { { 1, 2, 3 }, { -1, 0.5f, 2 } });
        var y = Tensor.From(new float[,] { { 0.5f, -0.5f }, { 1, 2 } });
        Tensor loss = null!;
        for (var i = 0; i < 3; i++)
        {
            optimizer.ZeroGrad();
            loss = F.MseLoss(net.Forward(x), y);
            loss.Backward();
            optimizer.Step();
        }
        Assert.Equal([-0.3032451868057251f, 0.5890516042709351f, -0.1816745400428772f, -0.7118707299232483f, -0.5004669427871704f, 0.18853925168514252f], net.Weight.ToArray<float>());
        Assert.Equal([0.2761640250682831f, 0.6720438003540039f], net.Bias!.ToArray<float>());
        Assert.Equal(0.33583763241767883f, loss.Item<float>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Adam_with_l2_weight_decay_follows_the_reference_update(bool fused)
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From([1.0, -2.0], requiresGrad: true);
        var c = Tensor.From([0.5, 3.0]);
        using var optimizer = new Adam([p], lr: 0.01, betas: (0.8, 0.9), eps: 1e-6, weightDecay: 0.1, fused: fused);
        double[] theta = [1.0, -2.0], m = [0, 0], v = [0, 0];
        for (var step = 1; step <= 4; step++)
        {
            optimizer.ZeroGrad();
            (p * c).Sum().Backward();   // gradient c
            optimizer.Step();
            for (var i = 0; i < 2; i++)
            {
                var g = (i == 0 ? 0.5 : 3.0) + 0.1 * theta[i];
                m[i] = 0.8 * m[i] + 0.2 * g;
                v[i] = 0.9 * v[i] + 0.1 * g * g;
                var denom = Math.Sqrt(v[i]) / Math.Sqrt(1 - Math.Pow(0.9, step)) + 1e-6;
                theta[i] -= 0.01 / (1 - Math.Pow(0.8, step)) * m[i] / denom;
            }
        }
        Values.Equal(theta, p, 1e-12);
    }

    [Fact]
    public void Sgd_with_momentum_and_nesterov_follows_the_reference_update()
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From([2.0], requiresGrad: true);
        using var optimizer = new SGD([p], lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01);
        double theta = 2, buffer = 0;
        for (var step = 0; step < 5; step++)
        {
            optimizer.ZeroGrad();
            p.Pow(2).Sum().Backward();   // gradient 2p
            optimizer.Step();
            var g = 2 * theta + 0.01 * theta;
            buffer = step == 0 ? g : 0.9 * buffer + g;
            theta -= 0.1 * (g + 0.9 * buffer);
        }
        Values.Equal([theta], p, 1e-12);
    }

    [Fact]
    public void Fused_adamw_agrees_with_the_exact_path_to_rounding()
    {
        using var scope = DisposeScope.Begin();
        float[] Train(bool fused)
        {
            using var inner = DisposeScope.Begin();
            TorchRuntime.ManualSeed(11);
            using var net = new Sequential(new Linear(6, 32), new ReLU(), new Linear(32, 3));
            using var optimizer = new AdamW(net.Parameters(), lr: 0.01, weightDecay: 0.1, fused: fused);
            var x = Tensor.Randn([16, 6]);
            var y = Tensor.Randn([16, 3]);
            for (var i = 0; i < 20; i++)
            {
                optimizer.ZeroGrad();
                F.MseLoss(net.Forward(x), y).Backward();
                optimizer.Step();
            }
            return net.Parameters().SelectMany(p => p.ToArray<float>()).ToArray();
        }
        var exact = Train(false);
        var fused = Train(true);
        Assert.Equal(exact.Length, fused.Length);
        for (var i = 0; i < exact.Length; i++)
        {
            Assert.Equal(exact[i], fused[i], 4e-5f);
        }
        Assert.Equal(fused, Train(true));   // and deterministic
    }

    [Fact]
    public void Optimizer_state_can_be_taken_and_restored_to_resume_training()
    {
        using var scope = DisposeScope.Begin();
        var target = Tensor.From([1.0, -1, 2]);
        void Steps(Tensor p, Optimizer optimizer, int count)
        {
            for (var i = 0; i < count; i++)
            {
                optimizer.ZeroGrad();
                (p - target).Square().Sum().Backward();
                optimizer.Step();
            }
        }
        var straight = Tensor.Zeros([3], DType.Float64, requiresGrad: true);
        using (var optimizer = new Adam([straight], lr: 0.1))
        {
            Steps(straight, optimizer, 6);
        }

        var resumed = Tensor.Zeros([3], DType.Float64, requiresGrad: true);
        (long Step, Tensor? M, Tensor? V) state;
        using (var first = new Adam([resumed], lr: 0.1))
        {
            Steps(resumed, first, 3);
            state = first.GetState(0);
        }
        Assert.Equal(3L, state.Step);
        using (var second = new Adam([resumed], lr: 0.1))
        {
            second.SetState(0, state.Step, state.M, state.V);
            Steps(resumed, second, 3);
        }
        Assert.Equal(straight.ToArray<double>(), resumed.ToArray<double>());
    }

    [Fact]
    public void An_optimizer_outliving_its_module_keeps_working_and_a_disposed_optimizer_says_so()
    {
        using var scope = DisposeScope.Begin();
        var net = new Linear(2, 1);
        var optimizer = new SGD(net.Parameters(), lr: 0.1);
        F.MseLoss(net.Forward(Tensor.Ones([3, 2])), Tensor.Zeros([3, 1])).Backward();
        net.Dispose();
        optimizer.Step();       // the native optimizer holds its own references to the parameters
        optimizer.ZeroGrad();
        optimizer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => optimizer.Step());
        Assert.Throws<ObjectDisposedException>(() => net.Weight.Sum());
    }

    [Fact]
    public void Parameters_without_gradients_are_left_alone()
    {
        using var scope = DisposeScope.Begin();
        var used = Tensor.From([1.0], requiresGrad: true);
        var unused = Tensor.From([1.0], requiresGrad: true);
        using var optimizer = new AdamW([used, unused], lr: 0.1, weightDecay: 0.5);
        (used * 2).Sum().Backward();
        optimizer.Step();
        Assert.NotEqual(1.0, used.Item<double>());
        Assert.Equal(1.0, unused.Item<double>());
        Assert.Equal(1L, optimizer.GetState(0).Step);
        Assert.Equal(0L, optimizer.GetState(1).Step);
    }

    [Fact]
    public void Param_groups_carry_their_own_learning_rate_and_weight_decay()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From([1.0], requiresGrad: true);
        var b = Tensor.From([1.0], requiresGrad: true);
        using var optimizer = new SGD([new ParamGroup([a], lr: 0.5), new ParamGroup([b], weightDecay: 1)], lr: 0.1);
        (a + b).Sum().Backward();
        optimizer.Step();
        Values.Equal([1 - 0.5 * 1], a, 1e-12);
        Values.Equal([1 - 0.1 * (1 + 1)], b, 1e-12);
    }

    [Fact]
    public void Zero_grad_clears_or_zeroes_gradients()
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From([1.0], requiresGrad: true);
        using var optimizer = new SGD([p], lr: 0.1);
        (p * 3).Sum().Backward();
        optimizer.ZeroGrad(setToNone: false);
        Values.Equal([0], p.Grad!);
        optimizer.ZeroGrad();
        Assert.Null(p.Grad);
    }

    [Fact]
    public void Clip_grad_norm_scales_gradients_to_the_maximum_norm_and_returns_the_original_norm()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From([3.0], requiresGrad: true);
        var b = Tensor.From([0.0, 0.0], requiresGrad: true);
        ((a * 3).Sum() + (b * Tensor.From([4.0, 0])).Sum()).Backward();   // grads 3, (4, 0)
        var norm = Utils.ClipGradNorm([a, b], maxNorm: 1);
        Assert.Equal(5.0, norm.Item<double>(), 12);
        var scale = 1 / (5 + 1e-6);
        Values.Equal([3 * scale], a.Grad!, 1e-12);
        Values.Equal([4 * scale, 0], b.Grad!, 1e-12);
        Assert.Equal(4.0, Utils.ClipGradNorm([a, b], maxNorm: 10, normType: double.PositiveInfinity).Item<double>() * (5 + 1e-6), 9);
    }

    [Fact]
    public void Schedules_warm_up_linearly_and_decay_by_cosine()
    {
        using var scope = DisposeScope.Begin();
        var p = Tensor.From([1.0], requiresGrad: true);
        using var optimizer = new SGD([p], lr: 1.0);
        var constant = new ConstantLR(optimizer);
        Assert.Equal(1.0, optimizer.ParamGroups[0].Lr);
        var warmup = new LinearWarmupLR(optimizer, 4);
        Assert.Equal(0.25, optimizer.ParamGroups[0].Lr);
        warmup.Step();
        warmup.Step();
        warmup.Step();
        Assert.Equal(1.0, optimizer.ParamGroups[0].Lr);
        warmup.Step();
        Assert.Equal(1.0, optimizer.ParamGroups[0].Lr);

        var cosine = new CosineAnnealingLR(optimizer, totalSteps: 12, minLr: 0.1, warmupSteps: 2);
        var lrs = new List<double> { optimizer.ParamGroups[0].Lr };
        for (var i = 0; i < 13; i++)
        {
            cosine.Step();
            lrs.Add(optimizer.ParamGroups[0].Lr);
        }
        Assert.Equal(0.5, lrs[0], 12);
        Assert.Equal(1.0, lrs[2], 12);                          // warm-up done: the peak
        Assert.Equal(0.1 + 0.9 * 0.5, lrs[7], 12);              // halfway through the decay
        Assert.Equal(0.1, lrs[12], 12);
        Assert.Equal(0.1, lrs[13], 12);
        Assert.True(lrs.Skip(2).Zip(lrs.Skip(3)).All(pair => pair.First >= pair.Second));
        Assert.Equal(1.0, constant.Factor(1000));
    }

    [Fact]
    public void A_small_mlp_learns_a_regression_with_adam()
    {
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(3);
        using var net = new Sequential(new Linear(2, 32), new Tanh(), new Linear(32, 1));
        using var optimizer = new Adam(net.Parameters(), lr: 0.01);
        var x = Tensor.Rand([128, 2]) * 2 - 1;
        var y = (x.Select(1, 0) * x.Select(1, 1)).Unsqueeze(1);
        double first = 0, last = 0;
        for (var step = 0; step < 300; step++)
        {
            using var inner = DisposeScope.Begin();
            optimizer.ZeroGrad();
            var loss = F.MseLoss(net.Forward(x), y);
            loss.Backward();
            optimizer.Step();
            if (step == 0)
            {
                first = loss.Item<float>();
            }
            last = loss.Item<float>();
        }
        Assert.True(last < first / 10, $"loss went from {first} to {last}");
    }
}
