using System.Text.RegularExpressions;
using Touchstone.Testing;

namespace Touchstone.Build.Tests;

/// <summary>The Cake targets as declared in build.cake and build/*.cake.</summary>
internal static partial class CakeTargets
{
    public static IReadOnlySet<string> All { get; } = Directory
        .EnumerateFiles(RepoPaths.Combine("build"), "*.cake")
        .Append(RepoPaths.Combine("build.cake"))
        .SelectMany(file => TaskDeclaration().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Targets named by `./build.sh --target=X` or `dotnet cake ... --target=X` in a text.</summary>
    public static IEnumerable<string> Referenced(string text) =>
        TargetArgument().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex("""Task\("(\w+)"\)""")]
    private static partial Regex TaskDeclaration();

    [GeneratedRegex("""--target[= ](\w+)""")]
    private static partial Regex TargetArgument();
}
