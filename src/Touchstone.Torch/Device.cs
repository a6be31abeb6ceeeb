namespace Touchstone.Torch;

/// <summary>Kinds of device a tensor can live on. The numbers are the native ABI's.</summary>
public enum DeviceType
{
    /// <summary>Host memory.</summary>
    Cpu = 0,
    /// <summary>An NVIDIA GPU through CUDA.</summary>
    Cuda = 1,
}

/// <summary>Where a tensor lives: <c>cpu</c> or <c>cuda:N</c>, as torch.device.</summary>
/// <example><code>
/// var device = TorchRuntime.IsCudaAvailable ? Device.Cuda(0) : Device.Cpu;
/// var same = Device.Parse("cuda:0");
/// </code></example>
public readonly record struct Device(DeviceType Type, int Index)
{
    /// <summary>The host.</summary>
    public static Device Cpu { get; } = new(DeviceType.Cpu, 0);

    /// <summary>The CUDA device with the given index. Using it without CUDA raises a <see cref="TorchException"/>
    /// that says so.</summary>
    public static Device Cuda(int index = 0) =>
        index >= 0 ? new Device(DeviceType.Cuda, index) : throw new ArgumentOutOfRangeException(nameof(index), index, "a CUDA device index is not negative");

    /// <summary>Parses "cpu", "cuda" or "cuda:N".</summary>
    public static Device Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim().ToLowerInvariant();
        if (s == "cpu")
        {
            return Cpu;
        }
        if (s == "cuda")
        {
            return Cuda(0);
        }
        if (s.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(s.AsSpan(5), out var index) && index >= 0)
        {
            return Cuda(index);
        }
        throw new FormatException($"'{text}' is not a device: write cpu, cuda or cuda:N (N = 0, 1, ...)");
    }

    /// <summary>Whether this is a CUDA device.</summary>
    public bool IsCuda => Type == DeviceType.Cuda;

    /// <summary>"cpu" or "cuda:N".</summary>
    public override string ToString() => Type == DeviceType.Cpu ? "cpu" : $"cuda:{Index}";
}
