using Touchstone.Suites.Common;
using Touchstone.Suites.Tests.Support;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.Common;

public sealed class TorchCellTests
{
    [Fact]
    public void Begin_pins_deterministic_kernels_and_one_thread_and_parses_the_device()
    {
        using var context = new RecordingCellContext([], device: "cpu");
        TorchRuntime.NumThreads = 2;

        var device = TorchCell.Begin(context);

        Assert.Equal(Device.Cpu, device);
        Assert.Equal(1, TorchRuntime.NumThreads);
        Assert.True(TorchRuntime.IsDeterministic);
    }
}
