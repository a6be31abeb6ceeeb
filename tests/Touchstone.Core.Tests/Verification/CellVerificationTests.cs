using Touchstone.Core.Environment;
using Touchstone.Core.Experiments;
using Touchstone.Core.Results;
using Touchstone.Core.Verification;

namespace Touchstone.Core.Tests.Verification;

public sealed class CellVerificationTests
{
    private static readonly CellId Cell = new("s", "v", 0);
    private static readonly MetricRow[] Rows = [new("r", "s", "v", 0, "smoke", "test", "mse", 0.5, 10)];
    private static readonly ValueComparison Same = ValueComparison.Of([], [], Rows, Rows);
    private static readonly ValueComparison Other = ValueComparison.Of([], [], Rows, [Rows[0] with { Value = 0.6 }]);

    private static EnvironmentFingerprint Fingerprint() =>
        new("Debian 12", "AMD EPYC", "cpu", null, null, ".NET 10", "1.13.0", "openblas", "0.1.0", "abc", false)
        {
            Numerics = new NumericsFingerprint(1, 1, "Haswell", "CPU capability AVX2; config 4566b3cdea62", null, null, "warn-only"),
        };

    [Fact]
    public void Changed_fingerprint_fields_are_named_with_both_values()
    {
        var changes = FingerprintComparison.Changes(Fingerprint(), Fingerprint() with { Numerics = Fingerprint().Numerics! with { BlasThreads = 2 }, CpuModel = "Intel" });

        Assert.Equal([new ChangedField("cpu_model", "\"AMD EPYC\"", "\"Intel\""), new ChangedField("numerics.blas_threads", "1", "2")], changes);
    }

    [Fact]
    public void Equal_fingerprints_have_no_changes()
    {
        Assert.Empty(FingerprintComparison.Changes(Fingerprint(), Fingerprint()));
    }

    [Fact]
    public void Same_environment_and_bits_is_identical()
    {
        var verdict = CellVerification.Decide(Cell, Same, [], [], []);

        Assert.Equal(VerifyVerdict.Identical, verdict.Verdict);
        Assert.False(verdict.Fails);
    }

    [Fact]
    public void Same_environment_and_other_bits_or_status_differs()
    {
        Assert.Equal(VerifyVerdict.Differs, CellVerification.Decide(Cell, Other, [], [], []).Verdict);
        Assert.Equal(VerifyVerdict.Differs, CellVerification.Decide(Cell, Same, [], ["status ok → failed"], []).Verdict);
        Assert.True(CellVerification.Decide(Cell, Other, [], [], []).Fails);
    }

    [Fact]
    public void Another_environment_is_not_comparable_and_keeps_the_differences_without_failing()
    {
        var verdict = CellVerification.Decide(Cell, Other, [new ChangedField("blas_threads", "1", "2")], [], []);

        Assert.Equal(VerifyVerdict.NotComparable, verdict.Verdict);
        Assert.False(verdict.Fails);
        Assert.Equal(1, verdict.Values!.Differing);
    }
}
