using Touchstone.Suites.Common;

namespace Touchstone.Suites.Tests.Common;

public sealed class ConfigCheckTests
{
    [Fact]
    public void A_broken_rule_names_the_full_key_the_rule_and_the_value()
    {
        var error = Assert.Throws<ConfigException>(() =>
            ConfigCheck.Validate("demo", check => check.At("training").Positive("lr", -0.5)));

        Assert.Equal("demo config: training.lr must be positive (got -0.5). Fix it in the suite file or with a key.path=value override.", error.Message);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigCheck.Validate("demo", check =>
        {
            check.At("model").Probability("dropout", 1.0);
            check.At("training").Fraction("eval_ratio", 0).NonNegative("weight_decay", 0).InRange("warmup", 12, 0, 10);
        }));

        Assert.StartsWith("demo config has 3 problems:", error.Message);
        Assert.Contains("model.dropout must be in [0, 1) (got 1)", error.Message);
        Assert.Contains("training.eval_ratio must be in (0, 1] (got 0)", error.Message);
        Assert.Contains("training.warmup must be in [0, 10] (got 12)", error.Message);
        Assert.DoesNotContain("weight_decay", error.Message);
    }

    [Fact]
    public void A_valid_config_passes_and_records_nothing()
    {
        var check = new ConfigCheck("demo");
        check.Positive("steps", 10).Require(true, "x", "holds", 1);

        Assert.Empty(check.Problems);
        check.ThrowIfAny();
    }
}
