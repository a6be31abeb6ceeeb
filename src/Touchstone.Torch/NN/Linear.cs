namespace Touchstone.Torch.NN;

/// <summary>y = x Wᵀ + b, as torch.nn.Linear, initialised as PyTorch does (weights and bias uniform in
/// ±1/√in_features), so the same seed gives the same initial weights as PyTorch on the same libtorch.</summary>
public sealed class Linear : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer; draws its initial values from the generator, or from the global one.</summary>
    public Linear(long inFeatures, long outFeatures, bool bias = true, DType dtype = DType.Float32, Device? device = null, Generator? generator = null)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        using var scope = DisposeScope.Begin();
        Weight = RegisterParameter("weight", Tensor.Empty([outFeatures, inFeatures], dtype, device));
        Bias = bias ? RegisterParameter("bias", Tensor.Empty([outFeatures], dtype, device)) : RegisterParameter("bias", (Parameter?)null);
        ResetParameters(generator);
    }

    /// <summary>Input features.</summary>
    public long InFeatures { get; }
    /// <summary>Output features.</summary>
    public long OutFeatures { get; }
    /// <summary>The (out, in) weight matrix.</summary>
    public Parameter Weight { get; }
    /// <summary>The bias, or null.</summary>
    public Parameter? Bias { get; }

    /// <summary>Re-draws the initial values: kaiming_uniform_(a=√5) for the weight, U(±1/√fan_in) for the bias.</summary>
    public void ResetParameters(Generator? generator = null)
    {
        Init.KaimingUniform_(Weight, a: Math.Sqrt(5), generator: generator);
        if (Bias is null)
        {
            return;
        }
        var bound = InFeatures > 0 ? 1 / Math.Sqrt(InFeatures) : 0;
        Init.Uniform_(Bias, -bound, bound, generator);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => F.Linear(input, Weight, Bias);
}
