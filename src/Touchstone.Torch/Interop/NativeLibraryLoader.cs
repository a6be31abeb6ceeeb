using System.Reflection;
using System.Runtime.InteropServices;

namespace Touchstone.Torch.Interop;

/// <summary>Finds libtouchstone_torch.so: the path in TOUCHSTONE_TORCH_NATIVE when set, else beside this assembly,
/// else the system's search path.</summary>
internal static class NativeLibraryLoader
{
    internal const string EnvironmentVariable = "TOUCHSTONE_TORCH_NATIVE";

    // Called once, from NativeMethods' static constructor, before the first native call.
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != NativeMethods.Library)
        {
            return IntPtr.Zero;
        }
        var overridePath = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            if (!File.Exists(overridePath))
            {
                throw new DllNotFoundException(
                    $"{EnvironmentVariable} names '{overridePath}', which does not exist. Point it at a built " +
                    "libtouchstone_torch.so or unset it to use the one beside Touchstone.Torch.dll.");
            }
            return NativeLibrary.Load(overridePath);
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "libtouchstone_torch.so");
        var besideAssembly = Path.Combine(Path.GetDirectoryName(assembly.Location) ?? "", "libtouchstone_torch.so");
        foreach (var candidate in new[] { besideAssembly, beside })
        {
            if (File.Exists(candidate))
            {
                return NativeLibrary.Load(candidate);
            }
        }
        if (NativeLibrary.TryLoad("libtouchstone_torch.so", assembly, searchPath, out var handle))
        {
            return handle;
        }
        throw new DllNotFoundException(
            "libtouchstone_torch.so was not found beside Touchstone.Torch.dll. It is built by the Touchstone.Torch " +
            "project (CMake, src/Touchstone.Torch.Native); rebuild it, or set " + EnvironmentVariable +
            " to its path. If it exists but fails to load, check that libtorch's libraries can be found (ldd).");
    }
}
