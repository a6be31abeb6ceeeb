using System.Text.Json.Nodes;
using Touchstone.Core.Declarations;
using Touchstone.Core.Tests.Support;

namespace Touchstone.Core.Tests.Declarations;

public sealed class SuiteLoaderTests
{
    [Fact]
    public void Valid_file_becomes_a_declaration_with_every_part()
    {
        var suite = Demo.Load();
        var d = suite.Declaration;

        Assert.Equal("demo", d.Name);
        Assert.Equal("demo", d.Experiment);
        Assert.Equal("A suite for the loader tests", d.Description);
        Assert.Equal(Demo.File, d.File);
        Assert.Equal(["shipped", "readme"], d.Variants.Select(v => v.Name));
        Assert.Equal("The README's reading", d.Variants[1].Description);
        Assert.Equal(["data.train_combinations", "model.hidden", "training.epochs"], d.Variants[1].Overrides.Select(o => o.Path));
        Assert.Equal(["smoke", "nightly"], d.Profiles.Select(p => p.Name));
        Assert.Equal([0, 1, 2], d.Profiles[0].Seeds);
        Assert.Null(d.Profiles[0].Variants);
        Assert.Equal(["shipped"], d.Profiles[1].Variants!);
        Assert.Equal(["data.n_train", "training.epochs"], d.Profiles[0].Overrides.Select(o => o.Path));
    }

    [Fact]
    public void Metrics_get_role_from_gate_and_margin_as_relative_or_absolute()
    {
        var metrics = Demo.Load().Declaration.Metrics;

        Assert.Equal(new MetricDeclaration("mse", "ood", Direction.Lower, MetricRole.Primary, new GateMargin(0.1, true)), metrics[0]);
        Assert.Equal(new MetricDeclaration("mse", "id", Direction.Lower, MetricRole.Secondary, GateMargin.Zero), metrics[1]);
        Assert.Equal(new MetricDeclaration("acc", "id", Direction.Higher, MetricRole.Primary, new GateMargin(0.01, false)), metrics[2]);
    }

    [Fact]
    public void Config_defaults_are_typed_and_completed_from_the_record()
    {
        var config = Demo.Load().Declaration.Config;

        Assert.Equal(0.001, config["training"]!["lr"]!.GetValue<double>());
        Assert.Equal(6L, config["training"]!["epochs"]!.GetValue<long>());
        // Keys the YAML leaves out but the record defaults are filled in, so the config hash covers them.
        Assert.True(config["training"]!["shuffle"]!.GetValue<bool>());
        Assert.Null(config["training"]!["class_weights"]);
        Assert.True(config["training"]!.AsObject().ContainsKey("class_weights"));
        Assert.Equal(0.1, config["data"]!["noise"]!.GetValue<double>());
    }

    [Fact]
    public void Suite_without_variants_has_one_default_variant()
    {
        var text = string.Join('\n', Demo.Valid.Split('\n').Where((_, i) => i + 1 is < 9 or > 15))
            .Replace(", variants: [shipped]", "");
        var variants = Demo.Load(text).Declaration.Variants;

        var only = Assert.Single(variants);
        Assert.Equal("default", only.Name);
        Assert.Empty(only.Overrides);
    }

    [Fact]
    public void A_variant_name_too_long_for_a_folder_is_a_validation_error_at_its_line()
    {
        var name = new string('v', 300);
        var error = Assert.Single(Demo.Errors(Demo.Valid.Replace("  shipped: {}", $"  {name}: {{}}").Replace("variants: [shipped]", $"variants: [{name}]")));

        Assert.Contains("is 300 characters long; at most 100 (it names a results folder)", error.Message);
        Assert.Equal(10, error.Location!.Line);
    }

    [Fact]
    public void Unknown_top_level_key_names_the_key_line_and_the_allowed_keys()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(4, "sourc: tests")));

        Assert.Equal("suites/demo.yaml:4:1", error.Location!.ToString());
        Assert.Equal("sourc", error.Key);
        Assert.Contains("unknown key 'sourc'; did you mean 'source'? (allowed: name, experiment, description, source, config, profiles, metrics, variants)", error.Message);
    }

    [Fact]
    public void Missing_required_key_is_reported_at_the_top_of_the_file()
    {
        var errors = Demo.Errors(Demo.WithLine(4, "# no source"));

        var error = Assert.Single(errors);
        Assert.Equal("suites/demo.yaml:1:1: error: missing required key 'source' (a string)", error.ToString());
    }

    [Fact]
    public void Unknown_config_key_is_reported_where_it_is_written()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(8, "  training: { optimizer: adamw, lrr: 1.0e-3, epochs: 6 }")));

        Assert.Equal("config.training.lrr", error.Key);
        Assert.Equal(
            "suites/demo.yaml:8:33: error: unknown key 'lrr' in 'config.training'; did you mean 'lr'? (allowed: optimizer, lr, epochs, shuffle, class_weights)",
            error.ToString());
    }

    [Fact]
    public void Wrong_type_in_config_names_path_expected_type_and_value()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(8, "  training: { optimizer: adamw, lr: 1.0e-3, epochs: six }")));

        Assert.Equal("suites/demo.yaml:8:53: error: 'config.training.epochs' must be an integer, not the string 'six'", error.ToString());
    }

    [Fact]
    public void Fractional_value_for_an_integer_is_rejected()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(8, "  training: { optimizer: adamw, lr: 1.0e-3, epochs: 6.5 }")));

        Assert.Equal("suites/demo.yaml:8:53: error: 'config.training.epochs' must be an integer, not 6.5", error.ToString());
    }

    [Fact]
    public void Unknown_enum_value_lists_the_allowed_names()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(8, "  training: { optimizer: adam, lr: 1.0e-3, epochs: 6 }")));

        Assert.Equal("suites/demo.yaml:8:26: error: 'config.training.optimizer' must be one of sgd, adamw, not 'adam'; did you mean 'adamw'?", error.ToString());
    }

    [Fact]
    public void Wrong_type_inside_a_nested_list_points_at_the_element()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(7, "  model: { hidden: [128, wide], dropout: 0.1 }")));

        Assert.Equal("suites/demo.yaml:7:26: error: 'config.model.hidden[1]' must be an integer, not the string 'wide'", error.ToString());
    }

    [Fact]
    public void Unknown_experiment_names_the_registered_ones()
    {
        var errors = Demo.Errors(Demo.WithLine(2, "experiment: dem"));

        var error = Assert.Single(errors);
        Assert.Equal("suites/demo.yaml:2:13: error: unknown experiment 'dem'; did you mean 'demo'? (registered: demo)", error.ToString());
        Assert.Equal("experiment", error.Key);
    }

    [Fact]
    public void Duplicate_metric_points_at_the_second_and_names_the_first()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(21, "  - { name: mse, split: ood, direction: lower }")));

        Assert.Equal("suites/demo.yaml:21:5: error: duplicate metric 'mse' on split 'ood' (first declared at line 20)", error.ToString());
    }

    [Fact]
    public void Variant_override_of_a_path_that_does_not_exist_is_an_error_at_the_key()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(15, "    training.epoch: 100")));

        Assert.Equal("training.epoch", error.Key);
        Assert.Equal(
            "suites/demo.yaml:15:5: error: variant 'readme' overrides 'training.epoch', which does not exist: 'training' has no key 'epoch'; did you mean 'epochs'? (keys there: optimizer, lr, epochs, shuffle, class_weights)",
            error.ToString());
    }

    [Fact]
    public void Profile_override_through_a_leaf_is_an_error()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(17, "  smoke: { seeds: [0, 1, 2], overrides: { data.n_train.x: 512 } }")));

        Assert.Equal(
            "suites/demo.yaml:17:43: error: profile 'smoke' overrides 'data.n_train.x', which does not exist: 'data.n_train' is an integer, so it has no key 'x'",
            error.ToString());
    }

    [Fact]
    public void Override_value_of_the_wrong_type_points_at_the_value()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(14, "    model.hidden: [256, 128.5]")));

        Assert.Equal("suites/demo.yaml:14:25: error: variant 'readme' override: 'model.hidden[1]' must be an integer, not 128.5", error.ToString());
    }

    [Fact]
    public void Metric_may_name_the_variants_that_report_it()
    {
        var suite = Demo.Load(Demo.WithLine(22, "  - { name: acc, split: id, direction: higher, role: primary, gate: { margin: 0.01 }, variants: [readme] }"));

        var acc = suite.Declaration.Metrics.Single(m => m.Name == "acc");
        Assert.Equal(["readme"], acc.Variants);
        Assert.True(acc.AppliesTo("readme"));
        Assert.False(acc.AppliesTo("shipped"));
        Assert.True(suite.Declaration.Metrics.Single(m => m.Key == "ood/mse").AppliesTo("shipped"));
    }

    [Fact]
    public void Metric_naming_an_undeclared_variant_is_an_error()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(22, "  - { name: acc, split: id, direction: higher, variants: [readmee] }")));

        Assert.Equal(
            "suites/demo.yaml:22:59: error: metric 'id/acc' names variant 'readmee', which the suite does not declare; did you mean 'readme'? (variants: shipped, readme)",
            error.ToString());
    }

    [Fact]
    public void Profile_naming_an_undeclared_variant_is_an_error()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(18, "  nightly: { seeds: [0, 1, 2, 3, 4], variants: [shiped] }")));

        Assert.Equal(
            "suites/demo.yaml:18:49: error: profile 'nightly' names variant 'shiped', which the suite does not declare; did you mean 'shipped'? (variants: shipped, readme)",
            error.ToString());
    }

    [Fact]
    public void Repeated_and_negative_seeds_are_errors()
    {
        var errors = Demo.Errors(Demo.WithLine(18, "  nightly: { seeds: [0, -1, 0] }"));

        Assert.Equal(
            [
                "suites/demo.yaml:18:25: error: profile 'nightly' has the negative seed -1; seeds are 0 or more",
                "suites/demo.yaml:18:29: error: profile 'nightly' lists seed 0 twice",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Bad_gate_margin_is_an_error_at_the_margin()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(20, "  - { name: mse, split: ood, direction: lower, gate: { margin: ten% } }")));

        Assert.Equal(
            "suites/demo.yaml:20:64: error: gate margin 'ten%' must be a non-negative number (absolute, e.g. 0.01) or a percentage (relative, e.g. 10%)",
            error.ToString());
    }

    [Fact]
    public void Metric_tolerance_is_declared_per_metric_and_defaults_to_one_part_in_a_million()
    {
        var metrics = Demo.Load(Demo.WithLine(20, "  - { name: mse, split: ood, direction: lower, gate: { margin: 10% }, tolerance: 1e-9 }")).Declaration.Metrics;

        Assert.Equal(1e-9, metrics.Single(m => m.Key == "ood/mse").Tolerance);
        Assert.Equal(1e-6, metrics.Single(m => m.Key == "id/mse").Tolerance);
        Assert.Equal(MetricDeclaration.DefaultTolerance, metrics.Single(m => m.Key == "id/mse").Tolerance);
    }

    [Theory]
    [InlineData("-1e-6", "suites/demo.yaml:20:82: error: tolerance -1E-06 must be at least 0 and below 0.01")]
    [InlineData("0.5", "suites/demo.yaml:20:82: error: tolerance 0.5 must be at least 0 and below 0.01")]
    [InlineData("tiny", "suites/demo.yaml:20:82: error: 'metrics[0].tolerance' must be a number, not the string 'tiny'")]
    public void Negative_large_or_non_numeric_tolerance_is_an_error_at_the_tolerance(string tolerance, string expected)
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(20, $"  - {{ name: mse, split: ood, direction: lower, gate: {{ margin: 10% }}, tolerance: {tolerance} }}")));

        Assert.StartsWith(expected, error.ToString());
    }

    [Fact]
    public void Wrong_direction_is_an_error()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(21, "  - { name: mse, split: id, direction: down }")));

        Assert.Equal("suites/demo.yaml:21:40: error: 'metrics[1].direction' must be one of lower, higher, not 'down'", error.ToString());
    }

    [Fact]
    public void Duplicate_yaml_key_is_an_error_at_the_second_key()
    {
        var text = Demo.Valid.Replace("source: tests", "source: tests\nname: again");

        var error = Assert.Single(Demo.Errors(text));

        Assert.Equal("suites/demo.yaml:5:1: error: duplicate key 'name' (first at line 1)", error.ToString());
    }

    [Fact]
    public void Unclosed_flow_mapping_is_reported_where_the_parser_lost_track()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(7, "  model: { hidden: [128, 64], dropout: 0.1")));

        Assert.Equal("suites/demo.yaml:7:38: error: YAML syntax error after this point (an unclosed '[', '{' or quote?)", error.ToString());
    }

    [Fact]
    public void Yaml_syntax_error_reports_the_parser_position_and_reason()
    {
        var error = Assert.Single(Demo.Errors(Demo.WithLine(3, "description: a: b")));

        Assert.StartsWith("suites/demo.yaml:3:15: error: YAML syntax error: While scanning a plain scalar value, found invalid mapping", error.ToString());
    }

    [Fact]
    public void Unclosed_flow_list_is_a_syntax_error_not_a_crash()
    {
        var error = Assert.Single(Demo.Errors("name: [demo, x\nexperiment: demo\n"));

        Assert.Equal("suites/demo.yaml:1:12: error: YAML syntax error after this point (an unclosed '[', '{' or quote?)", error.ToString());
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_says_what_it_should_be()
    {
        var error = Assert.Single(Demo.Errors("- a\n- b\n"));

        Assert.Equal(
            "suites/demo.yaml:1:1: error: a suite file is a YAML mapping with the keys name, experiment, description, source, config, profiles, metrics, variants; this file has a list",
            error.ToString());
    }

    [Fact]
    public void All_problems_of_a_file_are_reported_in_one_pass_in_line_order()
    {
        var text = Demo.WithLine(4, "sourc: tests").Replace("lr: 1.0e-3", "lr: fast");

        var errors = Demo.Errors(text);

        Assert.Equal([4, 8], errors.Select(e => e.Location!.Line));
        Assert.Contains("unknown key 'sourc'", errors[0].Message);
        Assert.Contains("'config.training.lr' must be a number, not the string 'fast'", errors[1].Message);
    }

    [Fact]
    public void Names_that_cannot_be_folders_are_rejected()
    {
        var errors = Demo.Errors(Demo.WithLine(10, "  Ship It: {}"));

        // The profile that names 'shipped' is now wrong too, and says so.
        Assert.Equal([10, 18], errors.Select(e => e.Location!.Line));
        var error = errors[0];
        Assert.Equal(
            "suites/demo.yaml:10:3: error: variant name 'Ship It' may hold only lower-case letters, digits and . _ - (it names a results folder)",
            error.ToString());
    }

    [Fact]
    public void Two_files_with_the_same_suite_name_are_an_error()
    {
        using var dir = new Touchstone.Testing.TempDirectory();
        File.WriteAllText(dir.Combine("a.yaml"), Demo.Valid);
        File.WriteAllText(dir.Combine("b.yaml"), Demo.Valid);

        var e = Assert.Throws<DeclarationException>(() => Demo.Loader().LoadDirectory(dir.Path));

        var error = Assert.Single(e.Diagnostics);
        Assert.Equal($"suite name 'demo' is also declared in {dir.Combine("a.yaml")}; suite names must be unique", error.Message);
    }

    [Fact]
    public void Directory_load_reports_problems_of_every_file()
    {
        using var dir = new Touchstone.Testing.TempDirectory();
        File.WriteAllText(dir.Combine("a.yaml"), Demo.WithLine(2, "experiment: nope"));
        File.WriteAllText(dir.Combine("b.yml"), Demo.WithLine(1, "name: other").Replace("epochs: 6 }", "epochs: x }"));

        var e = Assert.Throws<DeclarationException>(() => Demo.Loader().LoadDirectory(dir.Path));

        Assert.Equal([dir.Combine("a.yaml"), dir.Combine("b.yml")], e.Diagnostics.Select(d => d.Location!.File));
    }

    [Fact]
    public void Resolving_every_variant_and_profile_happens_at_load()
    {
        // Each override is valid alone, but the resolved config of readme × smoke is checked too.
        var suite = Demo.Load();
        var errors = new List<Diagnostic>();
        var config = Touchstone.Core.Planning.ConfigResolver.Resolve(
            suite, suite.Variant("readme")!, suite.Profile("smoke")!, [], errors);

        Assert.Empty(errors);
        Assert.Equal(2L, config!.ToJsonObject()["training"]!["epochs"]!.GetValue<long>());
        Assert.Equal(512, config.ToJsonObject()["data"]!["n_train"]!.GetValue<int>());
        Assert.Equal(3, config.ToJsonObject()["model"]!["hidden"]!.AsArray().Count);
        Assert.IsType<JsonArray>(config.ToJsonObject()["data"]!["train_combinations"]);
    }
}
