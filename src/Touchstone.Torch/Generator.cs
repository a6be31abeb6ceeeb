using Touchstone.Torch.Interop;

namespace Touchstone.Torch;

/// <summary>A random number generator independent of the global one, as torch.Generator: give data streams and
/// model initialisation their own seeds.</summary>
/// <example><code>
/// using var data = new Generator(seed: 1);
/// using var init = new Generator(seed: 2);
/// var batch = Tensor.Randn([64, 20], generator: data);
/// Init.KaimingNormal_(layer.Weight, generator: init);
/// </code></example>
public sealed class Generator : IDisposable
{
    private readonly GeneratorHandle _handle;

    /// <summary>Creates a generator for a device (CPU by default) seeded with seed.</summary>
    public Generator(ulong seed, Device? device = null)
    {
        Device = device ?? Device.Cpu;
        var raw = NativeMethods.ts_generator_create((int)Device.Type, Device.Index, seed);
        if (raw == IntPtr.Zero)
        {
            throw new TorchException("generator", Native.LastError());
        }
        _handle = new GeneratorHandle(raw);
    }

    /// <summary>The device whose random numbers this generator draws.</summary>
    public Device Device { get; }

    internal GeneratorHandle Handle =>
        _handle.IsClosed ? throw new ObjectDisposedException(nameof(Generator)) : _handle;

    /// <summary>The seed the generator was last seeded with, as generator.initial_seed().</summary>
    public ulong InitialSeed => NativeMethods.ts_generator_initial_seed(Handle);

    /// <summary>Reseeds, as generator.manual_seed(seed). Returns this generator.</summary>
    public Generator ManualSeed(ulong seed)
    {
        Native.Check(NativeMethods.ts_generator_manual_seed(Handle, seed), "generator.manual_seed");
        return this;
    }

    /// <summary>The generator's full state (a uint8 tensor), as generator.get_state().</summary>
    public Tensor GetState() => Native.Wrap(NativeMethods.ts_generator_get_state(Handle), "generator.get_state");

    /// <summary>Restores a state taken with <see cref="GetState"/>.</summary>
    public void SetState(Tensor state) => Native.Check(NativeMethods.ts_generator_set_state(Handle, state.Handle), "generator.set_state");

    /// <summary>Frees the native generator.</summary>
    public void Dispose() => _handle.Dispose();
}
