using Touchstone.Core.Environment;
using Touchstone.Gate.Runs;
using Touchstone.Gate.Tests.Support;

namespace Touchstone.Gate.Tests.Runs;

public sealed class CandidateSideTests
{
    [Fact]
    public void Cells_carry_hashes_device_kind_and_the_libtorch_of_their_own_environment()
    {
        // A run resumed on another machine: cell 1's row names the second environment by its hash.
        var other = RunFixture.Environment with { LibtorchVersion = "2.4.0+cu121", DeviceKind = "cuda" };
        var run = new RunFixture().Seeds("a", "test", "mse", 0.5, 0.4).Build();
        run = run with
        {
            Manifest = run.Manifest with { FingerprintHash = "fp0001", OtherFingerprints = [other] },
            Cells = [run.Cells[0], run.Cells[1] with { Fingerprint = FingerprintCollector.Hash(other), Device = "cuda:1" }],
        };
        var side = CandidateSide.Of(run, "toy");
        Assert.Equal(
            [("c0ffee", "data-0", "cpu", "1.13.1"), ("c0ffee", "data-1", "cuda", "2.4.0+cu121")],
            side.Cells.Select(c => (c.Provenance.ConfigHash, c.Provenance.DataHash, c.Provenance.DeviceKind, c.Provenance.LibtorchVersion)));
    }

    [Fact]
    public void Final_value_is_the_one_at_the_highest_step_and_other_suites_are_left_out()
    {
        var run = new RunFixture().Cell("a", 0)
            .Value("a", 0, "test", "mse", 2.0, step: 10).Value("a", 0, "test", "mse", 1.0, step: 20).Build();
        run = run with { Metrics = [.. run.Metrics, run.Metrics[0] with { Suite = "other", Value = 9 }] };
        Assert.Equal([1.0], CandidateSide.Of(run, "toy").Values.Select(v => v.Value));
    }
}
