namespace Touchstone.Torch.NN;

/// <summary>Zeroes elements with probability p during training and scales the rest by 1/(1-p), as
/// torch.nn.Dropout; the identity in eval mode. Draws from its own generator when given one.</summary>
public sealed class Dropout(double p = 0.5, Generator? generator = null) : Module<Tensor, Tensor>
{
    /// <summary>The drop probability.</summary>
    public double P { get; } = p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability must be in [0, 1]");

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => F.Dropout(input, P, Training, generator);
}

/// <summary>A lookup table of embeddings, as torch.nn.Embedding (initialised N(0, 1); the padding row zero).</summary>
public sealed class Embedding : Module<Tensor, Tensor>
{
    /// <summary>Creates the table.</summary>
    public Embedding(long numEmbeddings, long embeddingDim, long? paddingIdx = null, DType dtype = DType.Float32, Device? device = null, Generator? generator = null)
    {
        if (paddingIdx is { } p && (p < -numEmbeddings || p >= numEmbeddings))
        {
            throw new ArgumentOutOfRangeException(nameof(paddingIdx), paddingIdx, $"padding index must be within the {numEmbeddings} embeddings");
        }
        PaddingIdx = paddingIdx is { } q && q < 0 ? q + numEmbeddings : paddingIdx;
        using var scope = DisposeScope.Begin();
        Weight = RegisterParameter("weight", Tensor.Empty([numEmbeddings, embeddingDim], dtype, device));
        Init.Normal_(Weight, generator: generator);
        if (PaddingIdx is { } row)
        {
            using (Autograd.NoGrad())
            {
                Weight.Select(0, row).Fill_(0);
            }
        }
    }

    /// <summary>The (num_embeddings, embedding_dim) table.</summary>
    public Parameter Weight { get; }
    /// <summary>The row that gets no gradient, or null.</summary>
    public long? PaddingIdx { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => F.Embedding(input, Weight, PaddingIdx);
}

/// <summary>Layer normalisation over the trailing dimensions, as torch.nn.LayerNorm.</summary>
public sealed class LayerNorm : Module<Tensor, Tensor>
{
    /// <summary>Creates the layer for inputs whose last dimensions are normalizedShape.</summary>
    public LayerNorm(long[] normalizedShape, double eps = 1e-5, bool elementwiseAffine = true, bool bias = true, DType dtype = DType.Float32, Device? device = null)
    {
        NormalizedShape = normalizedShape;
        Eps = eps;
        using var scope = DisposeScope.Begin();
        Weight = elementwiseAffine ? RegisterParameter("weight", Tensor.Ones(normalizedShape, dtype, device)) : null;
        Bias = elementwiseAffine && bias ? RegisterParameter("bias", Tensor.Zeros(normalizedShape, dtype, device)) : null;
    }

    /// <summary>Creates the layer for inputs whose last dimension has the given size.</summary>
    public LayerNorm(long normalizedSize, double eps = 1e-5, bool elementwiseAffine = true, bool bias = true)
        : this([normalizedSize], eps, elementwiseAffine, bias) { }

    /// <summary>The normalised trailing shape.</summary>
    public long[] NormalizedShape { get; }
    /// <summary>Added to the variance for stability.</summary>
    public double Eps { get; }
    /// <summary>The scale, or null.</summary>
    public Parameter? Weight { get; }
    /// <summary>The shift, or null.</summary>
    public Parameter? Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => F.LayerNorm(input, NormalizedShape, Weight, Bias, Eps);
}

/// <summary>Applies modules one after another, as torch.nn.Sequential; they are named "0", "1", ...</summary>
/// <example><code>
/// var net = new Sequential(new Linear(20, 128), new ReLU(), new Dropout(0.1), new Linear(128, 10));
/// </code></example>
public sealed class Sequential : Module<Tensor, Tensor>
{
    private readonly List<Module<Tensor, Tensor>> _layers = new();

    /// <summary>Chains the modules in order.</summary>
    public Sequential(params Module<Tensor, Tensor>[] modules)
    {
        foreach (var m in modules)
        {
            Append(m);
        }
    }

    /// <summary>Appends a module at the end.</summary>
    public Sequential Append(Module<Tensor, Tensor> module)
    {
        _layers.Add(RegisterModule(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module));
        return this;
    }

    /// <summary>The modules in order.</summary>
    public IReadOnlyList<Module<Tensor, Tensor>> Layers => _layers;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        // Intermediate results belong to the caller's scope, as any other op's result would.
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.Forward(x);
        }
        return x;
    }
}

/// <summary>max(x, 0), as torch.nn.ReLU.</summary>
public sealed class ReLU : Module<Tensor, Tensor>
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Relu();
}

/// <summary>GELU, as torch.nn.GELU (exact, or the tanh approximation).</summary>
public sealed class GELU(bool tanhApproximation = false) : Module<Tensor, Tensor>
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Gelu(tanhApproximation);
}

/// <summary>tanh, as torch.nn.Tanh.</summary>
public sealed class Tanh : Module<Tensor, Tensor>
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Tanh();
}

/// <summary>The logistic sigmoid, as torch.nn.Sigmoid.</summary>
public sealed class Sigmoid : Module<Tensor, Tensor>
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}

/// <summary>x · sigmoid(x), as torch.nn.SiLU.</summary>
public sealed class SiLU : Module<Tensor, Tensor>
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Silu();
}

/// <summary>Returns its input, as torch.nn.Identity.</summary>
public sealed class Identity : Module<Tensor, Tensor>
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input;
}

/// <summary>Merges dimensions startDim..endDim, as torch.nn.Flatten (by default all but the batch dimension).</summary>
public sealed class Flatten(long startDim = 1, long endDim = -1) : Module<Tensor, Tensor>
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Flatten(startDim, endDim);
}
