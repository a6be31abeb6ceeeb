using Touchstone.Torch.NN;
using Touchstone.Torch.Tests.Support;

namespace Touchstone.Torch.Tests;

// Autograd against central finite differences (float64) for every differentiable op family and module.
public sealed class GradCheckTests
{
    private static Tensor R(params long[] shape) => Tensor.Randn(shape, dtype: DType.Float64);

    // Values kept away from the kinks of relu, abs, clamp and max, where derivatives are one-sided.
    private static Tensor AwayFromZero(params long[] shape)
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.Randn(shape, dtype: DType.Float64);
        return (x + x.Sign() * 0.3).MoveToOuterScope();
    }

    private static Tensor Positive(params long[] shape)
    {
        using var scope = DisposeScope.Begin();
        return (Tensor.Rand(shape, dtype: DType.Float64) + 0.5).MoveToOuterScope();
    }

    public static TheoryData<string> Elementwise => new()
    {
        "add", "sub", "mul", "div", "pow", "pow_scalar", "exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu",
        "gelu", "gelu_tanh", "silu", "abs", "clamp", "where", "maximum", "scalar_ops", "softplus",
    };

    [Theory]
    [MemberData(nameof(Elementwise))]
    public void Elementwise_ops(string op)
    {
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(1);
        switch (op)
        {
            case "add": GradCheck.Check(x => x[0] + x[1], R(2, 3), R(3)); break;
            case "sub": GradCheck.Check(x => x[0] - x[1], R(2, 3), R(2, 1)); break;
            case "mul": GradCheck.Check(x => x[0] * x[1], R(2, 3), R(3)); break;
            case "div": GradCheck.Check(x => x[0] / x[1], R(2, 3), Positive(3)); break;
            case "pow": GradCheck.Check(x => x[0].Pow(x[1]), Positive(4), R(4)); break;
            case "pow_scalar": GradCheck.Check(x => x[0].Pow(3), R(4)); break;
            case "exp": GradCheck.Check(x => x[0].Exp(), R(4)); break;
            case "log": GradCheck.Check(x => x[0].Log(), Positive(4)); break;
            case "sqrt": GradCheck.Check(x => x[0].Sqrt(), Positive(4)); break;
            case "sin": GradCheck.Check(x => x[0].Sin(), R(4)); break;
            case "cos": GradCheck.Check(x => x[0].Cos(), R(4)); break;
            case "tanh": GradCheck.Check(x => x[0].Tanh(), R(4)); break;
            case "sigmoid": GradCheck.Check(x => x[0].Sigmoid(), R(4)); break;
            case "relu": GradCheck.Check(x => x[0].Relu(), AwayFromZero(6)); break;
            case "gelu": GradCheck.Check(x => x[0].Gelu(), R(6)); break;
            case "gelu_tanh": GradCheck.Check(x => x[0].Gelu(tanhApproximation: true), R(6)); break;
            case "silu": GradCheck.Check(x => x[0].Silu(), R(6)); break;
            case "softplus": GradCheck.Check(x => x[0].Softplus(), R(6)); break;
            case "abs": GradCheck.Check(x => x[0].Abs(), AwayFromZero(6)); break;
            case "clamp": GradCheck.Check(x => x[0].Clamp(-0.25, 0.25), AwayFromZero(6)); break;
            case "where": GradCheck.Check(x => Tensor.Where(x[0] > x[1], x[0] * 2, x[1].Exp()), R(6), R(6)); break;
            case "maximum": GradCheck.Check(x => x[0].Maximum(x[1]), R(6), R(6) + 10); break;
            case "scalar_ops": GradCheck.Check(x => (2.0 - x[0]) * 3 / (x[0] * x[0] + 1) + 1 / (x[0].Abs() + 1), R(5)); break;
            default: throw new ArgumentException(op);
        }
    }

    public static TheoryData<string> Reductions => new()
    {
        "softmax", "log_softmax", "logsumexp", "sum", "mean", "prod", "max", "amax", "var", "std", "norm", "cumsum",
        "matmul", "bmm", "mm_transposed",
    };

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Reductions_and_products(string op)
    {
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(2);
        switch (op)
        {
            case "softmax": GradCheck.Check(x => x[0].Softmax(1), R(3, 4)); break;
            case "log_softmax": GradCheck.Check(x => x[0].LogSoftmax(0), R(3, 4)); break;
            case "logsumexp": GradCheck.Check(x => x[0].LogSumExp(1), R(3, 4)); break;
            case "sum": GradCheck.Check(x => x[0].Sum(0) + x[0].Sum(), R(3, 4)); break;
            case "mean": GradCheck.Check(x => x[0].Mean([0, 1], keepdim: true), R(3, 4)); break;
            case "prod": GradCheck.Check(x => x[0].Prod(1), Positive(3, 4)); break;
            case "max": GradCheck.Check(x => x[0].Max(1).Values + x[0].Min(0).Values.Sum(), R(3, 4)); break;
            case "amax": GradCheck.Check(x => x[0].Amax([1]), R(3, 4)); break;
            case "var": GradCheck.Check(x => x[0].Var([1]) + x[0].Var(unbiased: false), R(3, 4)); break;
            case "std": GradCheck.Check(x => x[0].Std([0]), R(3, 4)); break;
            case "norm": GradCheck.Check(x => x[0].Norm() + x[0].Norm(1, [1]).Sum(), AwayFromZero(3, 4)); break;
            case "cumsum": GradCheck.Check(x => x[0].CumSum(1), R(3, 4)); break;
            case "matmul": GradCheck.Check(x => x[0].MatMul(x[1]), R(2, 3, 4), R(4, 2)); break;
            case "bmm": GradCheck.Check(x => x[0].Bmm(x[1]), R(2, 3, 4), R(2, 4, 2)); break;
            case "mm_transposed": GradCheck.Check(x => x[0].Mm(x[1].T()), R(3, 4), R(2, 4)); break;
            default: throw new ArgumentException(op);
        }
    }

    public static TheoryData<string> ShapeOps => new()
    {
        "reshape", "permute", "transpose", "expand", "repeat", "cat", "stack", "narrow", "index", "index_select", "gather",
        "scatter", "scatter_add", "masked_fill", "tril", "flatten_squeeze", "chunk", "embedding_lookup",
    };

    [Theory]
    [MemberData(nameof(ShapeOps))]
    public void Shape_and_indexing_ops(string op)
    {
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(3);
        var index = Tensor.From(new long[,] { { 2, 0 }, { 1, 1 }, { 0, 3 } });
        switch (op)
        {
            case "reshape": GradCheck.Check(x => x[0].Reshape(4, 3).Pow(2), R(2, 6)); break;
            case "permute": GradCheck.Check(x => x[0].Permute(2, 0, 1) * Tensor.Arange(0, 24, 1, DType.Float64).Reshape(4, 2, 3), R(2, 3, 4)); break;
            case "transpose": GradCheck.Check(x => x[0].Transpose(0, 1).MatMul(x[0]), R(3, 2)); break;
            case "expand": GradCheck.Check(x => x[0].Expand(3, -1) * Tensor.Arange(0, 12, 1, DType.Float64).Reshape(3, 4), R(1, 4)); break;
            case "repeat": GradCheck.Check(x => x[0].Repeat(2, 3).Pow(2), R(2, 2)); break;
            case "cat": GradCheck.Check(x => Tensor.Cat([x[0], x[1].Exp()], 1), R(2, 2), R(2, 3)); break;
            case "stack": GradCheck.Check(x => Tensor.Stack([x[0], x[1] * x[0]], 0), R(3), R(3)); break;
            case "narrow": GradCheck.Check(x => x[0].Narrow(1, 1, 2).Pow(2) + x[0][.., 0..2], R(3, 4)); break;
            case "index": GradCheck.Check(x => x[0][Tensor.From([2L, 0, 2])].Pow(2), R(3, 2)); break;
            case "index_select": GradCheck.Check(x => x[0].IndexSelect(1, Tensor.From([3L, 0, 3])).Pow(2), R(2, 4)); break;
            case "gather": GradCheck.Check(x => x[0].Gather(1, index).Pow(2), R(3, 4)); break;
            case "scatter": GradCheck.Check(x => x[0].Scatter(1, Tensor.From(new long[,] { { 2, 0 }, { 1, 3 }, { 0, 3 } }), x[1]).Pow(2), R(3, 4), R(3, 2)); break;
            case "scatter_add": GradCheck.Check(x => x[0].ScatterAdd(1, index, x[1]).Pow(2), R(3, 4), R(3, 2)); break;
            case "masked_fill": GradCheck.Check(x => x[0].MaskedFill(Tensor.From([true, false, true, false]), 0.5).Pow(2), R(3, 4)); break;
            case "tril": GradCheck.Check(x => x[0].Tril().Pow(2) + x[0].Triu(1), R(3, 3)); break;
            case "flatten_squeeze": GradCheck.Check(x => x[0].Unsqueeze(0).Flatten(1).Squeeze(0).Pow(2), R(2, 3)); break;
            case "chunk": GradCheck.Check(x => x[0].Chunk(2, 1)[1].Exp() + x[0].Split(1, 1)[0], R(3, 4)); break;
            case "embedding_lookup": GradCheck.Check(x => F.Embedding(Tensor.From(new long[,] { { 1, 2 }, { 1, 0 } }), x[0]).Pow(2), R(3, 2)); break;
            default: throw new ArgumentException(op);
        }
    }

    public static TheoryData<string> Losses => new()
    {
        "mse", "l1", "smooth_l1", "cross_entropy", "cross_entropy_ignore_smooth", "cross_entropy_probabilities", "nll",
        "bce_with_logits", "one_hot_dot",
    };

    [Theory]
    [MemberData(nameof(Losses))]
    public void Loss_functions(string op)
    {
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(4);
        var labels = Tensor.From([0L, 2, 1, 2, 0]);
        switch (op)
        {
            case "mse": GradCheck.Check(x => F.MseLoss(x[0], x[1]), R(3, 2), R(3, 2)); break;
            case "l1": GradCheck.Check(x => F.L1Loss(x[0], x[1] + 5), R(3, 2), R(3, 2)); break;
            case "smooth_l1": GradCheck.Check(x => F.SmoothL1Loss(x[0] * 3, x[1]), AwayFromZero(3, 2), R(3, 2) * 0.01); break;
            case "cross_entropy": GradCheck.Check(x => F.CrossEntropy(x[0], labels), R(5, 3)); break;
            case "cross_entropy_ignore_smooth": GradCheck.Check(x => F.CrossEntropy(x[0], labels, ignoreIndex: 2, labelSmoothing: 0.1), R(5, 3)); break;
            case "cross_entropy_probabilities": GradCheck.Check(x => F.CrossEntropy(x[0], x[1].Softmax(1)), R(5, 3), R(5, 3)); break;
            case "nll": GradCheck.Check(x => F.NllLoss(x[0].LogSoftmax(1), labels, reduction: Reduction.Sum), R(5, 3)); break;
            case "bce_with_logits": GradCheck.Check(x => F.BinaryCrossEntropyWithLogits(x[0], x[1].Sigmoid()), R(4), R(4)); break;
            case "one_hot_dot": GradCheck.Check(x => (x[0] * labels.OneHot(3).To(DType.Float64)).Sum(1), R(5, 3)); break;
            default: throw new ArgumentException(op);
        }
    }

    public static TheoryData<string> LinalgOps => new() { "svd_values", "qr", "pinv", "lstsq", "solve", "inv", "det", "matrix_norm_fro", "vector_norm", "cholesky", "eigh_values" };

    [Theory]
    [MemberData(nameof(LinalgOps))]
    public void Linear_algebra(string op)
    {
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(5);
        var spd = Tensor.From(new double[,] { { 4, 1, 0.5 }, { 1, 3, 0.2 }, { 0.5, 0.2, 2 } });
        var b = R(4, 2);
        switch (op)
        {
            case "svd_values": GradCheck.Check(x => Linalg.Svd(x[0]).S, R(4, 3)); break;
            case "qr": GradCheck.Check(x => { var (q, r) = Linalg.Qr(x[0]); return q.Sum(0) * 2 + r.Sum(1); }, R(4, 3)); break;
            case "pinv": GradCheck.Check(x => Linalg.Pinv(x[0]), R(4, 3)); break;
            case "lstsq": GradCheck.Check(x => Linalg.Lstsq(x[0], x[1]), R(4, 3), b); break;
            case "solve": GradCheck.Check(x => Linalg.Solve(x[0] + spd, x[1]), R(3, 3) * 0.1, R(3, 2)); break;
            case "inv": GradCheck.Check(x => Linalg.Inv(x[0] + spd), R(3, 3) * 0.1); break;
            case "det": GradCheck.Check(x => Linalg.Det(x[0] + spd), R(3, 3) * 0.1); break;
            case "matrix_norm_fro": GradCheck.Check(x => Linalg.MatrixNorm(x[0]), R(3, 4)); break;
            case "vector_norm": GradCheck.Check(x => Linalg.VectorNorm(x[0], 3, [1]), AwayFromZero(3, 4)); break;
            case "cholesky": GradCheck.Check(x => Linalg.Cholesky(x[0].MatMul(x[0].MT) + spd), R(3, 3) * 0.1); break;
            case "eigh_values": GradCheck.Check(x => Linalg.EigvalsH(x[0] + x[0].MT + spd), R(3, 3) * 0.1); break;
            default: throw new ArgumentException(op);
        }
    }

    [Fact]
    public void Linear_module_parameters_and_input()
    {
        using var scope = DisposeScope.Begin();
        using var linear = new Linear(3, 2, dtype: DType.Float64);
        var x = R(4, 3).RequiresGrad_();
        GradCheck.CheckLeaves(() => linear.Forward(x).Tanh(), [.. linear.Parameters(), x]);
    }

    [Fact]
    public void Embedding_module_weight()
    {
        using var scope = DisposeScope.Begin();
        using var embedding = new Embedding(4, 3, paddingIdx: 1, dtype: DType.Float64);
        var indices = Tensor.From(new long[,] { { 0, 1, 3 }, { 3, 3, 2 } });
        GradCheck.CheckLeaves(() => embedding.Forward(indices).Pow(2), [embedding.Weight]);
    }

    [Fact]
    public void Layer_norm_module_parameters_and_input()
    {
        using var scope = DisposeScope.Begin();
        using var norm = new LayerNorm([2, 3], dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            norm.Weight!.Normal_();
            norm.Bias!.Normal_();
        }
        var x = R(4, 2, 3).RequiresGrad_();
        GradCheck.CheckLeaves(() => norm.Forward(x), [norm.Weight!, norm.Bias!, x]);
    }

    [Fact]
    public void Lstm_module_parameters_input_and_initial_state()
    {
        using var scope = DisposeScope.Begin();
        using var lstm = new LSTM(2, 3, numLayers: 2, batchFirst: true, dtype: DType.Float64);
        var x = R(2, 4, 2).RequiresGrad_();
        var h0 = R(2, 2, 3).RequiresGrad_();
        var c0 = R(2, 2, 3).RequiresGrad_();
        GradCheck.CheckLeaves(() =>
        {
            var (output, (h, c)) = lstm.Forward(x, (h0, c0));
            return Tensor.Cat([output.Flatten(), h.Flatten(), c.Flatten()]);
        }, [.. lstm.Parameters(), x, h0, c0]);
    }

    [Fact]
    public void Dropout_with_a_fixed_mask_and_sequential_mlp()
    {
        using var scope = DisposeScope.Begin();
        using var net = new Sequential(new Linear(3, 5, dtype: DType.Float64), new GELU(), new Linear(5, 2, dtype: DType.Float64));
        var x = R(4, 3);
        GradCheck.CheckLeaves(() =>
        {
            using var g = new Generator(8);   // the same mask at every evaluation
            return F.Dropout(net.Forward(x), 0.3, training: true, generator: g);
        }, net.Parameters().ToList());
    }
}
