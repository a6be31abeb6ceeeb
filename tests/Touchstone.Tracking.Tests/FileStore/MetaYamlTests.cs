using System.Text.Json;
using Touchstone.Tracking.FileStore;
using Touchstone.Tracking.Tests.Support;

namespace Touchstone.Tracking.Tests.FileStore;

public class MetaYamlTests
{
    private static readonly string[] Values =
    [
        "Default", "spectral-gap", "shipped/seed-0", "0", "851093313358547228", "", "file:///tmp/mlruns/0", "true", "null",
        "yes", "1.5", "1e3", "a: b", "a #b", "-lead", "it's", "'quoted'", "with space", " leading", "trailing ", "x:",
        "日本語の実験", "tab\there", "new\nline", "~", "2024-01-02", "@at", "%pct", "0x1F", "1_000", ".inf", "a,b", "[x]",
    ];

    [Fact]
    public void Strings_load_back_identically_in_pyyaml()
    {
        var yaml = MetaYaml.Write(Values.Select((v, i) => KeyValuePair.Create($"k{i:D2}", (object?)v)).ToDictionary());
        var loaded = Python.Run("import sys, yaml, json; print(json.dumps(yaml.safe_load(sys.stdin.read())))", yaml);
        var map = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(loaded)!;
        for (var i = 0; i < Values.Length; i++)
        {
            var element = map[$"k{i:D2}"];
            Assert.True(element.ValueKind == JsonValueKind.String && element.GetString() == Values[i],
                $"'{Values[i]}' was written as {yaml.Split('\n')[i]} and PyYAML read {element}");
        }
    }

    [Fact]
    public void Run_meta_is_byte_identical_to_pyyaml_safe_dump()
    {
        var fields = new Dictionary<string, object?>
        {
            ["artifact_uri"] = "file:///tmp/mlruns/851093313358547228/0123456789abcdef0123456789abcdef/artifacts",
            ["end_time"] = null,
            ["entry_point_name"] = "",
            ["experiment_id"] = "851093313358547228",
            ["lifecycle_stage"] = "active",
            ["run_id"] = "0123456789abcdef0123456789abcdef",
            ["run_name"] = "shipped/seed-0",
            ["run_uuid"] = "0123456789abcdef0123456789abcdef",
            ["source_name"] = "",
            ["source_type"] = 4,
            ["source_version"] = "",
            ["start_time"] = 1700000000123L,
            ["status"] = 3,
            ["tags"] = Array.Empty<object>(),
            ["user_id"] = "alice",
        };
        var json = JsonSerializer.Serialize(fields);
        var expected = Python.Run("import sys, yaml, json; sys.stdout.write(yaml.safe_dump(json.loads(sys.stdin.read()), default_flow_style=False, allow_unicode=True))", json);
        Assert.Equal(expected, MetaYaml.Write(fields));
    }

    [Fact]
    public void Read_returns_null_for_null_and_text_for_quoted_values()
    {
        using var dir = new Touchstone.Testing.TempDirectory();
        var path = dir.Combine("meta.yaml");
        File.WriteAllText(path, "a: null\nb: '0'\nc: ''\nd: 12\ntags: []\n");
        var fields = MetaYaml.Read(path);
        Assert.Null(fields["a"]);
        Assert.Equal("0", fields["b"]);
        Assert.Equal("", fields["c"]);
        Assert.Equal("12", fields["d"]);
    }

    [Fact]
    public void Read_names_the_file_when_it_is_not_a_mapping()
    {
        using var dir = new Touchstone.Testing.TempDirectory();
        var path = dir.Combine("meta.yaml");
        File.WriteAllText(path, "- just\n- a list\n");
        var error = Assert.Throws<InvalidDataException>(() => MetaYaml.Read(path));
        Assert.Contains(path, error.Message);
    }
}
