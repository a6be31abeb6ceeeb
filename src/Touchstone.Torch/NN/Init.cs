namespace Touchstone.Torch.NN;

/// <summary>The non-linearity a weight feeds, for the gain of Kaiming and Xavier initialisation.</summary>
public enum Nonlinearity
{
    /// <summary>No non-linearity (gain 1).</summary>
    Linear,
    /// <summary>ReLU (gain √2).</summary>
    Relu,
    /// <summary>Leaky ReLU with the given negative slope (gain √(2 / (1 + a²))).</summary>
    LeakyRelu,
    /// <summary>tanh (gain 5/3).</summary>
    Tanh,
    /// <summary>Sigmoid (gain 1).</summary>
    Sigmoid,
}

/// <summary>Which fan Kaiming initialisation preserves the variance of.</summary>
public enum FanMode
{
    /// <summary>The forward pass (fan_in).</summary>
    FanIn,
    /// <summary>The backward pass (fan_out).</summary>
    FanOut,
}

/// <summary>In-place initialisers, as torch.nn.init. Each works without recording autograd and draws from the
/// global generator unless one is given.</summary>
/// <example><code>
/// Init.KaimingNormal_(layer.Weight, nonlinearity: Nonlinearity.Relu, generator: init);
/// Init.Zeros_(layer.Bias!);
/// </code></example>
public static class Init
{
    /// <summary>The recommended gain for a non-linearity, as nn.init.calculate_gain.</summary>
    public static double CalculateGain(Nonlinearity nonlinearity, double negativeSlope = 0.01) => nonlinearity switch
    {
        Nonlinearity.Linear or Nonlinearity.Sigmoid => 1,
        Nonlinearity.Relu => Math.Sqrt(2.0),
        Nonlinearity.LeakyRelu => Math.Sqrt(2.0 / (1 + Math.Pow(negativeSlope, 2))),
        Nonlinearity.Tanh => 5.0 / 3,
        _ => throw new ArgumentOutOfRangeException(nameof(nonlinearity)),
    };

    /// <summary>fan_in and fan_out of a weight of at least two dimensions (as PyTorch computes them).</summary>
    public static (long FanIn, long FanOut) Fans(Tensor tensor)
    {
        var shape = tensor.Shape;
        if (shape.Length < 2)
        {
            throw new ArgumentException($"fan in and fan out need a tensor of at least 2 dimensions, not shape [{string.Join(", ", shape)}]");
        }
        var receptive = shape.Skip(2).Aggregate(1L, (a, b) => a * b);
        return (shape[1] * receptive, shape[0] * receptive);
    }

    /// <summary>Fills with U(low, high).</summary>
    public static Tensor Uniform_(Tensor tensor, double low = 0, double high = 1, Generator? generator = null)
    {
        using var _ = Autograd.NoGrad();
        return tensor.Uniform_(low, high, generator);
    }

    /// <summary>Fills with N(mean, std²).</summary>
    public static Tensor Normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
    {
        using var _ = Autograd.NoGrad();
        return tensor.Normal_(mean, std, generator);
    }

    /// <summary>Fills with a constant.</summary>
    public static Tensor Constant_(Tensor tensor, double value)
    {
        using var _ = Autograd.NoGrad();
        return tensor.Fill_(value);
    }

    /// <summary>Fills with zeros.</summary>
    public static Tensor Zeros_(Tensor tensor) => Constant_(tensor, 0);

    /// <summary>Fills with ones.</summary>
    public static Tensor Ones_(Tensor tensor) => Constant_(tensor, 1);

    /// <summary>Kaiming (He) normal initialisation: N(0, std²) with std = gain / √fan, as nn.init.kaiming_normal_.</summary>
    public static Tensor KaimingNormal_(Tensor tensor, double a = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyRelu, Generator? generator = null) =>
        Normal_(tensor, 0, KaimingStd(tensor, a, mode, nonlinearity), generator);

    /// <summary>Kaiming (He) uniform initialisation: U(-b, b) with b = gain · √(3 / fan), as nn.init.kaiming_uniform_.</summary>
    public static Tensor KaimingUniform_(Tensor tensor, double a = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyRelu, Generator? generator = null)
    {
        var bound = Math.Sqrt(3.0) * KaimingStd(tensor, a, mode, nonlinearity);
        return Uniform_(tensor, -bound, bound, generator);
    }

    private static double KaimingStd(Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity)
    {
        var (fanIn, fanOut) = Fans(tensor);
        var gain = CalculateGain(nonlinearity, a);
        return gain / Math.Sqrt(mode == FanMode.FanIn ? fanIn : fanOut);
    }

    /// <summary>Xavier (Glorot) uniform initialisation: U(-b, b) with b = gain · √(6 / (fan_in + fan_out)).</summary>
    public static Tensor XavierUniform_(Tensor tensor, double gain = 1, Generator? generator = null)
    {
        var (fanIn, fanOut) = Fans(tensor);
        var std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
        var bound = Math.Sqrt(3.0) * std;
        return Uniform_(tensor, -bound, bound, generator);
    }

    /// <summary>Xavier (Glorot) normal initialisation: N(0, std²) with std = gain · √(2 / (fan_in + fan_out)).</summary>
    public static Tensor XavierNormal_(Tensor tensor, double gain = 1, Generator? generator = null)
    {
        var (fanIn, fanOut) = Fans(tensor);
        return Normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)), generator);
    }
}
