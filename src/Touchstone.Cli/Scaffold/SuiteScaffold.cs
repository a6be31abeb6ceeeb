using System.Globalization;
using System.Text.RegularExpressions;
using Touchstone.Core.Declarations;

namespace Touchstone.Cli.Scaffold;

/// <summary>
/// Writes the files of a new suite into a Touchstone checkout: the config record and the experiment
/// (<c>src/Touchstone.Suites/&lt;Name&gt;/</c>), the suite file (<c>suites/&lt;name&gt;.yaml</c>), its tests
/// (<c>tests/Touchstone.Suites.Tests/&lt;Name&gt;/</c>) and one line in <c>ExperimentCatalog.cs</c>. The generated
/// experiment is small but real (a linear model fitted with the suite kit), so <c>touchstone validate</c> and the
/// generated tests pass before anything is edited; docs/writing-a-suite.md explains each file.
/// </summary>
public static partial class SuiteScaffold
{
    private const string Catalog = "src/Touchstone.Suites/ExperimentCatalog.cs";

    /// <summary>The files written for <paramref name="name"/>, relative to the checkout.</summary>
    public static IReadOnlyList<string> Files(string name)
    {
        var type = TypeName(name);
        return
        [
            $"src/Touchstone.Suites/{type}/{type}Config.cs",
            $"src/Touchstone.Suites/{type}/{type}Experiment.cs",
            $"suites/{name}.yaml",
            $"tests/Touchstone.Suites.Tests/{type}/{type}ExperimentTests.cs",
        ];
    }

    /// <summary>Writes the suite <paramref name="name"/> into the checkout at <paramref name="root"/> and registers it.</summary>
    /// <exception cref="DeclarationException">The name is not usable, the folder is not a checkout, or a file exists.</exception>
    public static IReadOnlyList<string> Create(string root, string name)
    {
        if (!SuiteName().IsMatch(name))
        {
            throw new DeclarationException(name,
                $"suite name '{name}' must start with a lower-case letter and hold only lower-case letters, digits and '-' (e.g. my-suite)");
        }
        var catalog = Path.Combine(root, Catalog);
        if (!File.Exists(Path.Combine(root, "Touchstone.slnx")) || !File.Exists(catalog))
        {
            throw new DeclarationException(root,
                $"'{Path.GetFullPath(root)}' is not a Touchstone checkout (no Touchstone.slnx and {Catalog}); run from the repository root or pass --root");
        }
        var type = TypeName(name);
        var files = Files(name);
        var existing = files.Where(f => File.Exists(Path.Combine(root, f))).ToList();
        if (Directory.Exists(Path.Combine(root, "src/Touchstone.Suites", type)))
        {
            existing.Add($"src/Touchstone.Suites/{type}/");
        }
        var catalogText = File.ReadAllText(catalog);
        var registration = $".Add<Touchstone.Suites.{type}.{type}Experiment>()";
        if (existing.Count > 0 || catalogText.Contains(registration, StringComparison.Ordinal))
        {
            throw new DeclarationException(name,
                $"suite '{name}' exists already ({string.Join(", ", existing.DefaultIfEmpty(Catalog))}); choose another name or remove it first");
        }
        string[] texts = [SuiteTemplates.Config, SuiteTemplates.Experiment, SuiteTemplates.SuiteFile, SuiteTemplates.Tests];
        for (var i = 0; i < files.Count; i++)
        {
            var path = Path.Combine(root, files[i]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, texts[i].Replace("__Name__", type, StringComparison.Ordinal).Replace("__name__", name, StringComparison.Ordinal));
        }
        // One line after "new ExperimentRegistry()", fully qualified so the catalog's usings stay as they are.
        var anchor = catalogText.IndexOf("new ExperimentRegistry()", StringComparison.Ordinal);
        if (anchor < 0)
        {
            throw new DeclarationException(Catalog, $"{Catalog} has no 'new ExperimentRegistry()' to register the experiment after; add {registration} by hand");
        }
        var end = anchor + "new ExperimentRegistry()".Length;
        File.WriteAllText(catalog, catalogText[..end] + $"\n        {registration}" + catalogText[end..]);
        return [.. files, Catalog];
    }

    /// <summary>The C# name of a suite: <c>my-suite</c> → <c>MySuite</c>.</summary>
    public static string TypeName(string name) =>
        string.Concat(name.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex SuiteName();
}
