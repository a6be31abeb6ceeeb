using Touchstone.Suites.Common;
using Touchstone.Suites.Tests.Support;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.Common;

[Collection(ProcessWideTorchSettings.Name)]
public sealed class TorchCellTests
{
    [Fact]
    public void Begin_parses_the_device_and_leaves_the_runs_thread_setting_as_the_harness_applied_it()
    {
        using var context = new RecordingCellContext([], device: "cpu");
        var before = TorchRuntime.NumThreads;
        TorchRuntime.NumThreads = 2;
        try
        {
            var device = TorchCell.Begin(context);

            Assert.Equal(Device.Cpu, device);
            Assert.Equal(2, TorchRuntime.NumThreads);
        }
        finally
        {
            TorchRuntime.NumThreads = before;
        }
    }
}
