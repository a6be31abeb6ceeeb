using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Touchstone.Core.Declarations.Documents;
using Touchstone.Core.Declarations.Schema;
using Touchstone.Core.Declarations.Yaml;
using Touchstone.Core.Experiments;
using Touchstone.Core.Planning;

namespace Touchstone.Core.Declarations;

/// <summary>
/// Reads suite files and validates them completely before anything runs: the YAML against
/// <see cref="SuiteDocument"/>, the experiment key against the registry, the config and every override against the
/// experiment's config record, profiles and metrics for consistency, and every variant × profile config resolved
/// once. All problems of a file are reported together, each with file:line:column.
/// </summary>
/// <param name="experiments">The registered experiments.</param>
public sealed partial class SuiteLoader(ExperimentRegistry experiments)
{
    /// <summary>Name of the variant a suite without <c>variants:</c> has.</summary>
    public const string DefaultVariant = "default";

    /// <summary>The key with which a variant names an experiment other than the suite's.</summary>
    public const string VariantExperimentKey = "experiment";

    private static readonly ObjectSchema DocumentSchema = SchemaBuilder.ForRecord(typeof(SuiteDocument));

    /// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> file in <paramref name="directory"/>, sorted by suite name.</summary>
    /// <exception cref="DeclarationException">Any file is invalid, or two files declare the same suite name.</exception>
    public IReadOnlyList<LoadedSuite> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DeclarationException(directory,
                $"suites folder '{directory}' does not exist; pass --suites-dir <folder with the suite YAML files>");
        }
        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return LoadFiles(files);
    }

    /// <summary>Loads the given files, sorted by suite name; reports every problem of every file at once.</summary>
    /// <exception cref="DeclarationException">Any file is invalid, or two files declare the same suite name.</exception>
    public IReadOnlyList<LoadedSuite> LoadFiles(IEnumerable<string> files)
    {
        var suites = new List<LoadedSuite>();
        var errors = new List<Diagnostic>();
        foreach (var file in files)
        {
            try
            {
                var suite = Load(file);
                if (suites.FirstOrDefault(s => s.Name == suite.Name) is { } other)
                {
                    errors.Add(new Diagnostic(new SourceLocation(file, 1, 1), "name",
                        $"suite name '{suite.Name}' is also declared in {other.Declaration.File}; suite names must be unique"));
                    continue;
                }
                suites.Add(suite);
            }
            catch (DeclarationException e)
            {
                errors.AddRange(e.Diagnostics);
            }
        }
        if (errors.Count > 0)
        {
            throw new DeclarationException(errors);
        }
        return suites.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Loads one suite file.</summary>
    /// <exception cref="DeclarationException">The file cannot be read or is invalid.</exception>
    public LoadedSuite Load(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DeclarationException([new Diagnostic(new SourceLocation(file, 1, 1), "", $"cannot read the suite file: {e.Message}")]);
        }
        return Parse(file, text);
    }

    /// <summary>Validates suite YAML <paramref name="text"/> read from <paramref name="file"/>.</summary>
    /// <exception cref="DeclarationException">The text is invalid.</exception>
    public LoadedSuite Parse(string file, string text)
    {
        var tree = YamlTreeReader.Read(file, text);
        var top = new SourceLocation(file, 1, 1);
        if (tree.Root is not JsonObject)
        {
            var keys = string.Join(", ", DocumentSchema.Properties.Select(p => p.Name));
            throw new DeclarationException([new Diagnostic(tree.Map.ValueOf(tree.Root) ?? top, "",
                $"a suite file is a YAML mapping with the keys {keys}; this file has {SchemaValidator.DescribeValue(tree.Root)}")]);
        }
        var errors = new List<Diagnostic>();
        var locator = new Locator(tree.Map, top);
        var root = (JsonObject)new SchemaValidator(locator, errors).Normalize(DocumentSchema, tree.Root, "", top)!;
        var structureIsValid = errors.Count == 0;
        var check = new Checker(file, locator, root, errors);
        var experiment = check.Experiment(experiments);
        check.Registry = experiments;
        if (!structureIsValid)
        {
            // Still check the config against the experiment, so one run of `validate` shows typos there too.
            if (experiment is not null && root["config"] is JsonObject config)
            {
                check.Config(experiment, config);
            }
            throw new DeclarationException(Sorted(errors));
        }
        var document = root.Deserialize<SuiteDocument>(ResolvedConfig.BindingOptions)!;
        var declaration = check.Declaration(document, experiment);
        if (errors.Count > 0 || experiment is null || declaration is null)
        {
            throw new DeclarationException(Sorted(errors));
        }
        var suite = new LoadedSuite(declaration, experiment)
        {
            VariantExperiments = check.VariantExperiments,
            OtherBaseConfigs = check.OtherBaseConfigs,
        };
        foreach (var profile in declaration.Profiles)
        {
            foreach (var variant in declaration.Variants.Where(v => profile.Variants?.Contains(v.Name) ?? true))
            {
                ConfigResolver.Resolve(suite, variant, profile, [], errors);
            }
        }
        return errors.Count > 0 ? throw new DeclarationException(Sorted(errors)) : suite;
    }

    private static List<Diagnostic> Sorted(List<Diagnostic> errors) =>
        errors.OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0).ToList();

    /// <summary>The longest suite or variant name: it names a results folder, and file names stop at 255 bytes.</summary>
    public const int MaxFolderName = 100;

    /// <summary>The upper bound (exclusive) of a metric's relative float tolerance: above it, it would hide real changes.</summary>
    public const double MaxTolerance = 0.01;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex FolderName();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@+-]*$")]
    private static partial Regex MetricName();

    // The checks a type cannot express, over the normalized tree (which keeps the source locations).
    private sealed class Checker(string file, Locator locator, JsonObject root, List<Diagnostic> errors)
    {
        /// <summary>The registered experiments, for variants that name their own.</summary>
        public ExperimentRegistry Registry { get; set; } = new();

        /// <summary>Variants that run another experiment than the suite's, by variant name.</summary>
        public Dictionary<string, ExperimentRegistration> VariantExperiments { get; } = [];

        /// <summary>The suite config as each other experiment sees it, by experiment key.</summary>
        public Dictionary<string, JsonObject> OtherBaseConfigs { get; } = [];

        public ExperimentRegistration? Experiment(ExperimentRegistry registry)
        {
            if (root["experiment"] is not JsonValue value || !value.TryGetValue<string>(out var key))
            {
                return null;
            }
            if (registry.Find(key) is { } found)
            {
                return found;
            }
            var keys = registry.All.Select(r => r.Key).ToList();
            Error(value, "experiment", $"unknown experiment '{key}'{Suggestions.DidYouMean(key, keys)} (registered: {string.Join(", ", keys)})");
            return null;
        }

        public JsonObject? Config(ExperimentRegistration experiment, JsonObject config) =>
            new SchemaValidator(locator, errors).Normalize(experiment.Schema, config, "config", Where(config)) as JsonObject;

        // With variants of other experiments, each experiment reads the top-level keys of `config` its record has;
        // the suite's experiment also gets the keys no experiment has, so they are reported as unknown there.
        private JsonObject? Configs(ExperimentRegistration experiment, List<ExperimentRegistration> others, JsonObject config)
        {
            if (others.Count == 0)
            {
                return Config(experiment, config);
            }
            bool Known(string key) => others.Any(e => e.Schema.Find(key) is not null);
            foreach (var other in others)
            {
                if (Config(other, Project(config, key => other.Schema.Find(key) is not null)) is { } normalized)
                {
                    OtherBaseConfigs[other.Key] = normalized;
                }
            }
            return Config(experiment, Project(config, key => experiment.Schema.Find(key) is not null || !Known(key)));
        }

        // A copy of the keys of `config` that `keep` selects, with their source locations.
        private JsonObject Project(JsonObject config, Func<string, bool> keep)
        {
            var projection = new JsonObject(config.Where(p => keep(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
            locator.Map.CopyLocations(config, projection);
            return projection;
        }

        public SuiteDeclaration? Declaration(SuiteDocument document, ExperimentRegistration? experiment)
        {
            FolderSafe(root["name"], "name", document.Name, "suite name");
            var variants = Variants(document, experiment);
            var others = VariantExperiments.Values.Where(e => e.Key != experiment?.Key).DistinctBy(e => e.Key).ToList();
            var config = experiment is null ? null : Configs(experiment, others, root["config"]!.AsObject());
            var profiles = Profiles(document, experiment, others, variants);
            var metrics = Metrics(document, variants);
            if (config is null || experiment is null)
            {
                return null;
            }
            return new SuiteDeclaration(document.Name, document.Experiment, document.Description, document.Source,
                config, variants, profiles, metrics, file);
        }

        private List<VariantDeclaration> Variants(SuiteDocument document, ExperimentRegistration? experiment)
        {
            if (document.Variants is null)
            {
                return [new VariantDeclaration(DefaultVariant, null, [])];
            }
            var node = root["variants"]!.AsObject();
            if (document.Variants.Count == 0)
            {
                Error(node, "variants", "'variants' is empty; declare at least one variant, or leave the key out for a single 'default' variant");
            }
            var result = new List<VariantDeclaration>();
            foreach (var (name, body) in node)
            {
                FolderSafe(null, $"variants.{name}", name, "variant name", locator.AtKey(node, name));
                var overrides = new List<ConfigOverride>();
                string? description = null;
                var own = VariantExperiment(name, body?.AsObject());
                var schemaOwner = own ?? experiment;
                foreach (var (path, value) in body?.AsObject() ?? [])
                {
                    var at = locator.AtKey(body!.AsObject(), path);
                    if (path == VariantExperimentKey)
                    {
                        continue;
                    }
                    if (path == "description")
                    {
                        description = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
                        if (description is null)
                        {
                            Error(value, $"variants.{name}.description", $"the description of variant '{name}' must be a string", at);
                        }
                    }
                    else if (schemaOwner is not null)
                    {
                        var item = new ConfigOverride(path, value, at);
                        overrides.AddRange(ConfigOverrides.Check(schemaOwner.Schema, item, locator, $"variant '{name}'", errors));
                    }
                }
                result.Add(new VariantDeclaration(name, description, overrides) { Experiment = own?.Key });
            }
            return result;
        }

        // The experiment a variant names with its key `experiment`, if it names one (registered, else an error).
        private ExperimentRegistration? VariantExperiment(string variant, JsonObject? body)
        {
            if (body?[VariantExperimentKey] is not { } node)
            {
                return null;
            }
            if (node is not JsonValue value || !value.TryGetValue<string>(out var key))
            {
                Error(node, $"variants.{variant}.experiment", $"the experiment of variant '{variant}' must be the key of a registered experiment");
                return null;
            }
            if (Registry.Find(key) is { } found)
            {
                VariantExperiments[variant] = found;
                return found;
            }
            var keys = Registry.All.Select(r => r.Key).ToList();
            Error(node, $"variants.{variant}.experiment",
                $"variant '{variant}' names unknown experiment '{key}'{Suggestions.DidYouMean(key, keys)} (registered: {string.Join(", ", keys)})");
            return null;
        }

        private List<ProfileDeclaration> Profiles(
            SuiteDocument document, ExperimentRegistration? experiment, List<ExperimentRegistration> others, List<VariantDeclaration> variants)
        {
            var node = root["profiles"]!.AsObject();
            if (document.Profiles.Count == 0)
            {
                Error(node, "profiles", "'profiles' is empty; declare at least one profile (smoke, nightly, full)");
            }
            var result = new List<ProfileDeclaration>();
            foreach (var (name, profile) in document.Profiles)
            {
                var body = node[name]!.AsObject();
                FolderSafe(null, $"profiles.{name}", name, "profile name", locator.AtKey(node, name));
                Seeds(name, profile.Seeds, body["seeds"]!.AsArray());
                KnownVariants(profile.Variants, body["variants"] as JsonArray, $"profiles.{name}.variants", $"profile '{name}'", variants);
                var overrides = new List<ConfigOverride>();
                var byExperiment = new Dictionary<string, IReadOnlyList<ConfigOverride>>();
                if (body["overrides"] is JsonObject overrideNode && experiment is not null)
                {
                    List<ExperimentRegistration> all = [experiment, .. others];
                    foreach (var (path, value) in overrideNode)
                    {
                        var item = new ConfigOverride(path, value, locator.AtKey(overrideNode, path));
                        // In a suite of several experiments the override applies to each that has the key; a key none
                        // has is reported against the suite's experiment.
                        foreach (var owner in others.Count == 0 ? [experiment] : ConfigResolver.Owners(all, path))
                        {
                            var leaves = ConfigOverrides.Check(owner.Schema, item, locator, $"profile '{name}'", errors);
                            if (owner.Key == experiment.Key)
                            {
                                overrides.AddRange(leaves);
                            }
                            byExperiment[owner.Key] = [.. byExperiment.GetValueOrDefault(owner.Key) ?? [], .. leaves];
                        }
                    }
                }
                result.Add(new ProfileDeclaration(name, profile.Seeds, profile.Variants, overrides) { OverridesByExperiment = byExperiment });
            }
            return result;
        }

        private void Seeds(string profile, IReadOnlyList<int> seeds, JsonArray node)
        {
            if (seeds.Count == 0)
            {
                Error(node, $"profiles.{profile}.seeds", $"profile '{profile}' has no seeds; list at least one, e.g. [0, 1, 2]");
            }
            for (var i = 0; i < seeds.Count; i++)
            {
                if (seeds[i] < 0)
                {
                    Error(node[i], $"profiles.{profile}.seeds", $"profile '{profile}' has the negative seed {seeds[i]}; seeds are 0 or more");
                }
                else if (seeds.Take(i).Contains(seeds[i]))
                {
                    Error(node[i], $"profiles.{profile}.seeds", $"profile '{profile}' lists seed {seeds[i]} twice");
                }
            }
        }

        private List<MetricDeclaration> Metrics(SuiteDocument document, List<VariantDeclaration> variants)
        {
            var node = root["metrics"]!.AsArray();
            if (document.Metrics.Count == 0)
            {
                Error(node, "metrics", "'metrics' is empty; declare the metrics the experiment reports");
            }
            var result = new List<MetricDeclaration>();
            for (var i = 0; i < document.Metrics.Count; i++)
            {
                var metric = document.Metrics[i];
                var entry = node[i]!.AsObject();
                foreach (var key in new[] { "name", "split" })
                {
                    var text = key == "name" ? metric.Name : metric.Split;
                    if (!MetricName().IsMatch(text))
                    {
                        Error(entry[key], $"metrics[{i}].{key}",
                            $"metric {key} '{text}' may hold only letters, digits and . _ - @ + (no spaces or '/')");
                    }
                }
                var first = result.FindIndex(m => m.Name == metric.Name && m.Split == metric.Split);
                if (first >= 0)
                {
                    var firstAt = Where(node[first]);
                    Error(entry, $"metrics[{i}]", $"duplicate metric '{metric.Name}' on split '{metric.Split}'" +
                        (firstAt is null ? "" : $" (first declared at line {firstAt.Line})"));
                }
                var margin = metric.Gate is null ? GateMargin.Zero : ParseMargin(metric.Gate.Margin, entry["gate"]!["margin"], i);
                var role = metric.Role ?? (metric.Gate is null ? MetricRole.Secondary : MetricRole.Primary);
                KnownVariants(metric.Variants, entry["variants"] as JsonArray, $"metrics[{i}].variants", $"metric '{metric.Split}/{metric.Name}'", variants);
                result.Add(new MetricDeclaration(metric.Name, metric.Split, metric.Direction, role, margin)
                {
                    Variants = metric.Variants,
                    Tolerance = CheckTolerance(metric.Tolerance, entry["tolerance"], i),
                });
            }
            return result;
        }

        // A list of variant names (a profile's or a metric's) must name declared variants only.
        private void KnownVariants(IReadOnlyList<string>? selected, JsonArray? list, string key, string owner, List<VariantDeclaration> variants)
        {
            if (selected is null || list is null)
            {
                return;
            }
            var known = variants.Select(v => v.Name).ToList();
            for (var i = 0; i < selected.Count; i++)
            {
                if (!known.Contains(selected[i]))
                {
                    Error(list[i], key,
                        $"{owner} names variant '{selected[i]}', which the suite does not declare" +
                        $"{Suggestions.DidYouMean(selected[i], known)} (variants: {string.Join(", ", known)})");
                }
            }
        }

        // The schema has already refused a tolerance that is not a number; here only its range is checked.
        private double CheckTolerance(double? tolerance, JsonNode? node, int index)
        {
            if (tolerance is not { } value)
            {
                return MetricDeclaration.DefaultTolerance;
            }
            if (!(value >= 0 && value < MaxTolerance))
            {
                Error(node, $"metrics[{index}].tolerance",
                    $"tolerance {value.ToString("R", CultureInfo.InvariantCulture)} must be at least 0 and below {MaxTolerance.ToString(CultureInfo.InvariantCulture)}: " +
                    "it is the relative size of floating-point noise (e.g. 1e-6); a change that matters belongs in gate.margin");
                return MetricDeclaration.DefaultTolerance;
            }
            return value;
        }

        private GateMargin ParseMargin(string text, JsonNode? node, int index)
        {
            var trimmed = text.Trim();
            var relative = trimmed.EndsWith('%');
            var number = relative ? trimmed[..^1].TrimEnd() : trimmed;
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                || !double.IsFinite(amount) || amount < 0)
            {
                Error(node, $"metrics[{index}].gate.margin",
                    $"gate margin '{text}' must be a non-negative number (absolute, e.g. 0.01) or a percentage (relative, e.g. 10%)");
                return GateMargin.Zero;
            }
            return relative ? new GateMargin(amount / 100, true) : new GateMargin(amount, false);
        }

        private void FolderSafe(JsonNode? node, string key, string name, string what, SourceLocation? at = null)
        {
            if (name.Length > MaxFolderName)
            {
                Error(node, key, $"{what} '{name[..40]}…' is {name.Length} characters long; at most {MaxFolderName} (it names a results folder)", at);
            }
            else if (!FolderName().IsMatch(name))
            {
                Error(node, key, $"{what} '{name}' may hold only lower-case letters, digits and . _ - (it names a results folder)", at);
            }
        }

        private SourceLocation? Where(JsonNode? node) => locator.Map.ValueOf(node);

        private void Error(JsonNode? node, string key, string message, SourceLocation? at = null) =>
            errors.Add(new Diagnostic(at ?? locator.At(node), key, message));
    }
}
