using System.Text.Json;
using Touchstone.Tracking.Tests.Support;
using Touchstone.Tracking.Validation;

namespace Touchstone.Tracking.Tests.Validation;

public class KeyRulesTests
{
    private static readonly string[] Keys =
    [
        "loss", "train/loss", "eval/acc@1", "a b", "a:b", "a-b.c_d", "α/β", "日本語", "x²", "", ".", "..", "./a", "a/./b",
        "a//b", "a/", "/a", "../x", "a/..", "a/../b", "..a", "a..b", "a\tb", "a\\b", "a$b", "a%b", "emoji🙂", "a\u0301",
        "split/metric.name:v2", new string('k', 250), new string('k', 251), "é", "a/b/c/d",
    ];

    [Fact]
    public void Problem_agrees_with_mlflow_rule_evaluated_by_python_for_every_key()
    {
        // The rule as MLflow's documentation and reference state it: the regex ^[/\w.\- :]*$, posixpath.normpath(key)
        // == key, key != '.', no leading '..' or '/', at most 250 characters. Evaluated by Python itself.
        var script = """
            import json, posixpath, re, sys
            keys = json.loads(sys.stdin.read())
            pattern = re.compile(r"^[/\w.\- :]*$")
            out = []
            for k in keys:
                ok = (pattern.fullmatch(k) is not None and posixpath.normpath(k) == k and k != "."
                      and not k.startswith("..") and not k.startswith("/") and len(k) <= 250)
                out.append(ok)
            print(json.dumps(out))
            """;
        var verdicts = JsonSerializer.Deserialize<bool[]>(Python.Run(script, JsonSerializer.Serialize(Keys)))!;
        for (var i = 0; i < Keys.Length; i++)
        {
            var problem = KeyRules.Problem(Keys[i]);
            Assert.True(verdicts[i] == (problem is null), $"key '{Keys[i]}': python says valid={verdicts[i]}, ours says {problem ?? "valid"}");
        }
    }

    [Theory]
    [InlineData("a$b", "'$'")]
    [InlineData("a//b", "'//'")]
    [InlineData("../x", "'..'")]
    [InlineData("", "empty")]
    public void Problem_says_what_is_wrong(string key, string expected)
    {
        Assert.Contains(expected, KeyRules.Problem(key));
    }

    [Fact]
    public void Length_is_counted_in_code_points_like_python()
    {
        var key = string.Concat(Enumerable.Repeat("𝔸", 250));
        Assert.Equal(500, key.Length);
        Assert.Null(KeyRules.Problem(key));
        Assert.Contains("251", KeyRules.Problem(key + "𝔸"));
    }
}
