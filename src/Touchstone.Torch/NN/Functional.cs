using Touchstone.Torch.Interop;

namespace Touchstone.Torch.NN;

/// <summary>How a loss combines its elementwise values, as PyTorch's reduction argument.</summary>
public enum Reduction
{
    /// <summary>No reduction: one loss per element.</summary>
    None = 0,
    /// <summary>The mean (over non-ignored targets for classification losses).</summary>
    Mean = 1,
    /// <summary>The sum.</summary>
    Sum = 2,
}

/// <summary>Stateless functions, as torch.nn.functional (import it as <c>F</c>).</summary>
/// <example><code>
/// var logits = model.Forward(tokens);                               // (batch, classes)
/// var loss = F.CrossEntropy(logits, targets, ignoreIndex: -1, labelSmoothing: 0.1);
/// </code></example>
public static class F
{
    /// <summary>x Wᵀ + b.</summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null) =>
        Native.Wrap(NativeMethods.ts_linear(input.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null), "linear");

    /// <summary>Rows of weight at the (int64) indices; the padding row gets no gradient.</summary>
    public static Tensor Embedding(Tensor indices, Tensor weight, long? paddingIdx = null) =>
        Native.Wrap(NativeMethods.ts_embedding(weight.Handle, indices.Handle, paddingIdx ?? -1), "embedding");

    /// <summary>Layer normalisation over the trailing normalizedShape dimensions.</summary>
    public static Tensor LayerNorm(Tensor input, long[] normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
        Native.Wrap(NativeMethods.ts_layer_norm(input.Handle, normalizedShape, normalizedShape.Length, weight?.Handle ?? TensorHandle.Null, bias?.Handle ?? TensorHandle.Null, eps), "layer_norm");

    /// <summary>Inverted dropout (identity unless training), drawing from the generator or the global one.</summary>
    public static Tensor Dropout(Tensor input, double p = 0.5, bool training = true, Generator? generator = null) =>
        Native.Wrap(NativeMethods.ts_dropout(input.Handle, p, training, generator?.Handle ?? GeneratorHandle.Null), "dropout");

    /// <summary>max(x, 0).</summary>
    public static Tensor Relu(Tensor input) => input.Relu();
    /// <summary>GELU (exact, or the tanh approximation).</summary>
    public static Tensor Gelu(Tensor input, bool tanhApproximation = false) => input.Gelu(tanhApproximation);
    /// <summary>x · sigmoid(x).</summary>
    public static Tensor Silu(Tensor input) => input.Silu();
    /// <summary>Softmax along a dimension.</summary>
    public static Tensor Softmax(Tensor input, long dim) => input.Softmax(dim);
    /// <summary>Log-softmax along a dimension.</summary>
    public static Tensor LogSoftmax(Tensor input, long dim) => input.LogSoftmax(dim);
    /// <summary>One-hot encoding of int64 class indices.</summary>
    public static Tensor OneHot(Tensor indices, long numClasses = -1) => indices.OneHot(numClasses);

    private static Tensor Loss(Tensor input, Tensor target, LossOp op, Reduction reduction, string name) =>
        Native.Wrap(NativeMethods.ts_loss(input.Handle, target.Handle, (int)op, (int)reduction), name);

    /// <summary>Mean squared error.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => Loss(input, target, LossOp.Mse, reduction, "mse_loss");
    /// <summary>Mean absolute error.</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => Loss(input, target, LossOp.L1, reduction, "l1_loss");
    /// <summary>Huber-like smooth L1 loss with beta 1.</summary>
    public static Tensor SmoothL1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => Loss(input, target, LossOp.SmoothL1, reduction, "smooth_l1_loss");
    /// <summary>Binary cross-entropy on logits (numerically stable).</summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => Loss(input, target, LossOp.BceWithLogits, reduction, "binary_cross_entropy_with_logits");
    /// <summary>Binary cross-entropy on probabilities.</summary>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => Loss(input, target, LossOp.Bce, reduction, "binary_cross_entropy");

    /// <summary>Cross-entropy of logits (N, C) or (N, C, d...) against int64 class indices (or class
    /// probabilities), as F.cross_entropy: targets equal to ignoreIndex are skipped, and labelSmoothing mixes the
    /// targets with the uniform distribution.</summary>
    public static Tensor CrossEntropy(Tensor input, Tensor target, Tensor? weight = null, long ignoreIndex = -100,
        double labelSmoothing = 0, Reduction reduction = Reduction.Mean) =>
        Native.Wrap(NativeMethods.ts_cross_entropy(input.Handle, target.Handle, weight?.Handle ?? TensorHandle.Null, (int)reduction, ignoreIndex, labelSmoothing), "cross_entropy");

    /// <summary>Negative log-likelihood of log-probabilities (N, C) or (N, C, d...) against int64 class indices,
    /// as F.nll_loss.</summary>
    public static Tensor NllLoss(Tensor input, Tensor target, Tensor? weight = null, long ignoreIndex = -100, Reduction reduction = Reduction.Mean) =>
        Native.Wrap(NativeMethods.ts_nll_loss(input.Handle, target.Handle, weight?.Handle ?? TensorHandle.Null, (int)reduction, ignoreIndex), "nll_loss");
}
