namespace Touchstone.Torch.Interop;

// Op codes of the native op families; the numbers match the switch statements in the shim's ops_*.cpp.

internal enum UnaryOp
{
    Neg = 0, Abs = 1, Exp = 2, Log = 3, Sqrt = 4, Sin = 5, Cos = 6, Tanh = 7, Sigmoid = 8, Relu = 9, Gelu = 10,
    GeluTanh = 11, Silu = 12, Rsqrt = 13, Square = 14, Sign = 15, Floor = 16, Ceil = 17, Round = 18, Log1p = 19,
    Expm1 = 20, LogicalNot = 21, Reciprocal = 22, Erf = 23, Softplus = 24, Clone = 25, Contiguous = 26,
    Detach = 27, IsNan = 28, IsFinite = 29, T = 30,
}

internal enum BinaryOp
{
    Add = 0, Sub = 1, Mul = 2, Div = 3, Pow = 4, Maximum = 5, Minimum = 6, Eq = 7, Ne = 8, Lt = 9, Le = 10, Gt = 11,
    Ge = 12, LogicalAnd = 13, LogicalOr = 14, Remainder = 15, FloorDivide = 16, MatMul = 17, Mm = 18, Bmm = 19,
    Dot = 20, Outer = 21, Atan2 = 22, LogicalXor = 23,
}

internal enum ReduceOp { Sum = 0, Mean = 1, Prod = 2, Amax = 3, Amin = 4, LogSumExp = 5, All = 6, Any = 7 }

internal enum ShapeOp
{
    Reshape = 0, View = 1, Permute = 2, Expand = 3, Repeat = 4, Flatten = 5, Squeeze = 6, Unsqueeze = 7,
    Transpose = 8, Narrow = 9, Slice = 10, Select = 11, Tril = 12, Triu = 13, OneHot = 14, Flip = 15, MoveDim = 16,
    Diagonal = 17, DiagEmbed = 18,
}

internal enum LossOp { Mse = 0, L1 = 1, SmoothL1 = 2, BceWithLogits = 3, Bce = 4 }

internal enum LinalgOp { Pinv = 0, Inv = 1, Det = 2, Cholesky = 3, EigvalsH = 4, MatrixExp = 5 }
