namespace Touchstone.Torch;

/// <summary>An error reported by libtorch (a shape mismatch, an unsupported dtype, a missing CUDA device...), with
/// libtorch's own message. The native call that failed has left no partial result behind; the process can go on.</summary>
public sealed class TorchException : Exception
{
    /// <summary>Creates the exception for a failed operation.</summary>
    /// <param name="operation">The Touchstone.Torch operation that failed, e.g. "matmul".</param>
    /// <param name="libtorchMessage">libtorch's message, without its C++ backtrace.</param>
    public TorchException(string operation, string libtorchMessage)
        : base($"{operation} failed: {libtorchMessage}")
    {
        Operation = operation;
        LibtorchMessage = libtorchMessage;
    }

    /// <summary>The operation that failed, e.g. "matmul".</summary>
    public string Operation { get; }

    /// <summary>libtorch's message, without its C++ backtrace.</summary>
    public string LibtorchMessage { get; }
}
