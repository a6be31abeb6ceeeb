using Touchstone.Torch.Interop;

namespace Touchstone.Torch;

public partial class Tensor
{
    internal Tensor Unary(UnaryOp op) => Native.Wrap(NativeMethods.ts_unary(Handle, (int)op), op);

    internal Tensor Binary(Tensor other, BinaryOp op) =>
        Native.Wrap(NativeMethods.ts_binary(Handle, other.Handle, (int)op), op);

    internal Tensor Binary(double value, BinaryOp op, bool reversed = false) =>
        Native.Wrap(NativeMethods.ts_binary_scalar(Handle, value, 0, false, (int)op, reversed), op);

    internal Tensor Binary(long value, BinaryOp op, bool reversed = false) =>
        Native.Wrap(NativeMethods.ts_binary_scalar(Handle, value, value, true, (int)op, reversed), op);

    /// <summary>Elementwise sum with broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Add);
    /// <summary>Adds a number to every element.</summary>
    public static Tensor operator +(Tensor a, double b) => a.Binary(b, BinaryOp.Add);
    /// <summary>Adds a number to every element.</summary>
    public static Tensor operator +(double a, Tensor b) => b.Binary(a, BinaryOp.Add);
    /// <summary>Adds an integer to every element (integer tensors stay integer).</summary>
    public static Tensor operator +(Tensor a, long b) => a.Binary(b, BinaryOp.Add);
    /// <summary>Adds an integer to every element.</summary>
    public static Tensor operator +(long a, Tensor b) => b.Binary(a, BinaryOp.Add);
    /// <summary>Elementwise difference with broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Sub);
    /// <summary>Subtracts a number from every element.</summary>
    public static Tensor operator -(Tensor a, double b) => a.Binary(b, BinaryOp.Sub);
    /// <summary>A number minus every element.</summary>
    public static Tensor operator -(double a, Tensor b) => b.Binary(a, BinaryOp.Sub, reversed: true);
    /// <summary>Subtracts an integer from every element.</summary>
    public static Tensor operator -(Tensor a, long b) => a.Binary(b, BinaryOp.Sub);
    /// <summary>An integer minus every element.</summary>
    public static Tensor operator -(long a, Tensor b) => b.Binary(a, BinaryOp.Sub, reversed: true);
    /// <summary>Elementwise product with broadcasting.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Mul);
    /// <summary>Multiplies every element by a number.</summary>
    public static Tensor operator *(Tensor a, double b) => a.Binary(b, BinaryOp.Mul);
    /// <summary>Multiplies every element by a number.</summary>
    public static Tensor operator *(double a, Tensor b) => b.Binary(a, BinaryOp.Mul);
    /// <summary>Multiplies every element by an integer.</summary>
    public static Tensor operator *(Tensor a, long b) => a.Binary(b, BinaryOp.Mul);
    /// <summary>Multiplies every element by an integer.</summary>
    public static Tensor operator *(long a, Tensor b) => b.Binary(a, BinaryOp.Mul);
    /// <summary>Elementwise true division with broadcasting.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Div);
    /// <summary>Divides every element by a number.</summary>
    public static Tensor operator /(Tensor a, double b) => a.Binary(b, BinaryOp.Div);
    /// <summary>A number divided by every element.</summary>
    public static Tensor operator /(double a, Tensor b) => b.Binary(a, BinaryOp.Div, reversed: true);
    /// <summary>Divides every element by an integer (true division).</summary>
    public static Tensor operator /(Tensor a, long b) => a.Binary(b, BinaryOp.Div);
    /// <summary>Elementwise remainder (Python's sign convention).</summary>
    public static Tensor operator %(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Remainder);
    /// <summary>Elementwise remainder by an integer.</summary>
    public static Tensor operator %(Tensor a, long b) => a.Binary(b, BinaryOp.Remainder);
    /// <summary>Elementwise negation.</summary>
    public static Tensor operator -(Tensor a) => a.Unary(UnaryOp.Neg);
    /// <summary>Elementwise a &lt; b.</summary>
    public static Tensor operator <(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Lt);
    /// <summary>Elementwise a &gt; b.</summary>
    public static Tensor operator >(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Gt);
    /// <summary>Elementwise a &lt;= b.</summary>
    public static Tensor operator <=(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Le);
    /// <summary>Elementwise a &gt;= b.</summary>
    public static Tensor operator >=(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Ge);
    /// <summary>Elementwise a &lt; b.</summary>
    public static Tensor operator <(Tensor a, double b) => a.Binary(b, BinaryOp.Lt);
    /// <summary>Elementwise a &gt; b.</summary>
    public static Tensor operator >(Tensor a, double b) => a.Binary(b, BinaryOp.Gt);
    /// <summary>Elementwise a &lt;= b.</summary>
    public static Tensor operator <=(Tensor a, double b) => a.Binary(b, BinaryOp.Le);
    /// <summary>Elementwise a &gt;= b.</summary>
    public static Tensor operator >=(Tensor a, double b) => a.Binary(b, BinaryOp.Ge);
    /// <summary>Elementwise logical and of boolean tensors.</summary>
    public static Tensor operator &(Tensor a, Tensor b) => a.Binary(b, BinaryOp.LogicalAnd);
    /// <summary>Elementwise logical or of boolean tensors.</summary>
    public static Tensor operator |(Tensor a, Tensor b) => a.Binary(b, BinaryOp.LogicalOr);
    /// <summary>Elementwise logical xor of boolean tensors.</summary>
    public static Tensor operator ^(Tensor a, Tensor b) => a.Binary(b, BinaryOp.LogicalXor);
    /// <summary>Elementwise logical not.</summary>
    public static Tensor operator !(Tensor a) => a.Unary(UnaryOp.LogicalNot);

    /// <summary>this + alpha * other, as torch.add(x, other, alpha=...).</summary>
    public Tensor Add(Tensor other, double alpha = 1) => alpha == 1 ? Binary(other, BinaryOp.Add) : Binary(other * alpha, BinaryOp.Add);
    /// <summary>Elementwise difference.</summary>
    public Tensor Sub(Tensor other) => Binary(other, BinaryOp.Sub);
    /// <summary>Elementwise product.</summary>
    public Tensor Mul(Tensor other) => Binary(other, BinaryOp.Mul);
    /// <summary>Elementwise true division.</summary>
    public Tensor Div(Tensor other) => Binary(other, BinaryOp.Div);
    /// <summary>Elementwise power with a tensor exponent.</summary>
    public Tensor Pow(Tensor exponent) => Binary(exponent, BinaryOp.Pow);
    /// <summary>Elementwise power, as x ** p.</summary>
    public Tensor Pow(double exponent) => Binary(exponent, BinaryOp.Pow);
    /// <summary>Elementwise maximum of two tensors, as torch.maximum.</summary>
    public Tensor Maximum(Tensor other) => Binary(other, BinaryOp.Maximum);
    /// <summary>Elementwise minimum of two tensors, as torch.minimum.</summary>
    public Tensor Minimum(Tensor other) => Binary(other, BinaryOp.Minimum);
    /// <summary>Elementwise equality (a bool tensor), as x == y in PyTorch.</summary>
    public Tensor Eq(Tensor other) => Binary(other, BinaryOp.Eq);
    /// <summary>Elementwise equality with a number.</summary>
    public Tensor Eq(double value) => Binary(value, BinaryOp.Eq);
    /// <summary>Elementwise inequality, as x != y in PyTorch.</summary>
    public Tensor Ne(Tensor other) => Binary(other, BinaryOp.Ne);
    /// <summary>Elementwise inequality with a number.</summary>
    public Tensor Ne(double value) => Binary(value, BinaryOp.Ne);
    /// <summary>Elementwise atan2(this, other).</summary>
    public Tensor Atan2(Tensor other) => Binary(other, BinaryOp.Atan2);
    /// <summary>Elementwise floor division.</summary>
    public Tensor FloorDivide(Tensor other) => Binary(other, BinaryOp.FloorDivide);

    /// <summary>Matrix product with broadcasting over batch dimensions, as torch.matmul (x @ w).</summary>
    public Tensor MatMul(Tensor other) => Binary(other, BinaryOp.MatMul);
    /// <summary>Product of two matrices, as torch.mm.</summary>
    public Tensor Mm(Tensor other) => Binary(other, BinaryOp.Mm);
    /// <summary>Batched product of (b, n, m) and (b, m, p), as torch.bmm.</summary>
    public Tensor Bmm(Tensor other) => Binary(other, BinaryOp.Bmm);
    /// <summary>Dot product of two vectors, as torch.dot.</summary>
    public Tensor Dot(Tensor other) => Binary(other, BinaryOp.Dot);
    /// <summary>Outer product of two vectors, as torch.outer.</summary>
    public Tensor Outer(Tensor other) => Binary(other, BinaryOp.Outer);

    /// <summary>Elementwise absolute value.</summary>
    public Tensor Abs() => Unary(UnaryOp.Abs);
    /// <summary>Elementwise e^x.</summary>
    public Tensor Exp() => Unary(UnaryOp.Exp);
    /// <summary>Elementwise natural logarithm.</summary>
    public Tensor Log() => Unary(UnaryOp.Log);
    /// <summary>Elementwise log(1 + x).</summary>
    public Tensor Log1p() => Unary(UnaryOp.Log1p);
    /// <summary>Elementwise e^x - 1.</summary>
    public Tensor Expm1() => Unary(UnaryOp.Expm1);
    /// <summary>Elementwise square root.</summary>
    public Tensor Sqrt() => Unary(UnaryOp.Sqrt);
    /// <summary>Elementwise 1 / sqrt(x).</summary>
    public Tensor Rsqrt() => Unary(UnaryOp.Rsqrt);
    /// <summary>Elementwise x * x.</summary>
    public Tensor Square() => Unary(UnaryOp.Square);
    /// <summary>Elementwise 1 / x.</summary>
    public Tensor Reciprocal() => Unary(UnaryOp.Reciprocal);
    /// <summary>Elementwise sine.</summary>
    public Tensor Sin() => Unary(UnaryOp.Sin);
    /// <summary>Elementwise cosine.</summary>
    public Tensor Cos() => Unary(UnaryOp.Cos);
    /// <summary>Elementwise hyperbolic tangent.</summary>
    public Tensor Tanh() => Unary(UnaryOp.Tanh);
    /// <summary>Elementwise logistic sigmoid.</summary>
    public Tensor Sigmoid() => Unary(UnaryOp.Sigmoid);
    /// <summary>Elementwise max(x, 0).</summary>
    public Tensor Relu() => Unary(UnaryOp.Relu);
    /// <summary>Elementwise GELU; the exact erf form, or PyTorch's approximate="tanh" form.</summary>
    public Tensor Gelu(bool tanhApproximation = false) => Unary(tanhApproximation ? UnaryOp.GeluTanh : UnaryOp.Gelu);
    /// <summary>Elementwise x * sigmoid(x) (SiLU, swish).</summary>
    public Tensor Silu() => Unary(UnaryOp.Silu);
    /// <summary>Elementwise log(1 + e^x).</summary>
    public Tensor Softplus() => Unary(UnaryOp.Softplus);
    /// <summary>Elementwise error function.</summary>
    public Tensor Erf() => Unary(UnaryOp.Erf);
    /// <summary>Elementwise sign (-1, 0 or 1).</summary>
    public Tensor Sign() => Unary(UnaryOp.Sign);
    /// <summary>Elementwise floor.</summary>
    public Tensor Floor() => Unary(UnaryOp.Floor);
    /// <summary>Elementwise ceiling.</summary>
    public Tensor Ceil() => Unary(UnaryOp.Ceil);
    /// <summary>Elementwise rounding to nearest, ties to even.</summary>
    public Tensor Round() => Unary(UnaryOp.Round);
    /// <summary>Elementwise logical not.</summary>
    public Tensor LogicalNot() => Unary(UnaryOp.LogicalNot);
    /// <summary>Elementwise test for NaN.</summary>
    public Tensor IsNan() => Unary(UnaryOp.IsNan);
    /// <summary>Elementwise test for a finite value.</summary>
    public Tensor IsFinite() => Unary(UnaryOp.IsFinite);

    /// <summary>Softmax along a dimension.</summary>
    public Tensor Softmax(long dim) => Native.Wrap(NativeMethods.ts_softmax(Handle, dim, false), "softmax");
    /// <summary>Log-softmax along a dimension (numerically stable).</summary>
    public Tensor LogSoftmax(long dim) => Native.Wrap(NativeMethods.ts_softmax(Handle, dim, true), "log_softmax");

    /// <summary>Clamps every element into [min, max] (either bound may be omitted), as torch.clamp.</summary>
    public Tensor Clamp(double? min = null, double? max = null) =>
        Native.Wrap(NativeMethods.ts_clamp(Handle, min ?? 0, min.HasValue, max ?? 0, max.HasValue), "clamp");

    /// <summary>Elements of a where the condition holds, else of b, as torch.where(condition, a, b).</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b) =>
        Native.Wrap(NativeMethods.ts_where(condition.Handle, a.Handle, b.Handle), "where");

    /// <summary>Elementwise |a - b| &lt;= atol + rtol * |b|, as torch.isclose.</summary>
    public Tensor IsClose(Tensor other, double rtol = 1e-5, double atol = 1e-8) =>
        Native.Wrap(NativeMethods.ts_allclose_tensor(Handle, other.Handle, rtol, atol), "isclose");

    /// <summary>Whether every element is close to other's, as torch.allclose.</summary>
    public bool AllClose(Tensor other, double rtol = 1e-5, double atol = 1e-8)
    {
        using var close = IsClose(other, rtol, atol);
        using var all = close.All();
        return all.Item<bool>();
    }

    private Tensor InPlace(Tensor other, BinaryOp op, double alpha = 1)
    {
        Native.Check(NativeMethods.ts_binary_(Handle, other.Handle, (int)op, alpha), op, "_");
        return this;
    }

    private Tensor InPlace(double value, BinaryOp op)
    {
        Native.Check(NativeMethods.ts_binary_scalar_(Handle, value, (long)value, false, (int)op), op, "_");
        return this;
    }

    /// <summary>In place: this += alpha * other, as tensor.add_.</summary>
    public Tensor Add_(Tensor other, double alpha = 1) => InPlace(other, BinaryOp.Add, alpha);
    /// <summary>In place: this += value.</summary>
    public Tensor Add_(double value) => InPlace(value, BinaryOp.Add);
    /// <summary>In place: this -= alpha * other, as tensor.sub_.</summary>
    public Tensor Sub_(Tensor other, double alpha = 1) => InPlace(other, BinaryOp.Sub, alpha);
    /// <summary>In place: this *= other, as tensor.mul_.</summary>
    public Tensor Mul_(Tensor other) => InPlace(other, BinaryOp.Mul);
    /// <summary>In place: this *= value.</summary>
    public Tensor Mul_(double value) => InPlace(value, BinaryOp.Mul);
    /// <summary>In place: this /= other, as tensor.div_.</summary>
    public Tensor Div_(Tensor other) => InPlace(other, BinaryOp.Div);
    /// <summary>In place: this /= value.</summary>
    public Tensor Div_(double value) => InPlace(value, BinaryOp.Div);
}
