using System.Text.Json.Nodes;
using Touchstone.Suites.Common;
using Touchstone.Suites.Tests.Support;

namespace Touchstone.Suites.Tests.Common;

public sealed class CellProgressTests
{
    [Fact]
    public void Each_step_is_reported_against_the_total()
    {
        using var context = new RecordingCellContext([]);
        var progress = new CellProgress(context, totalSteps: 5);

        progress.Step();
        progress.Step();

        Assert.Equal((2L, 5L), context.LastProgress);
        Assert.Equal(2, progress.Done);
    }

    [Fact]
    public void A_cancelled_run_stops_at_the_next_step()
    {
        using var cancel = new CancellationTokenSource();
        using var context = new RecordingCellContext(new JsonObject()) { CancellationToken = cancel.Token };
        var progress = new CellProgress(context, totalSteps: 5);
        progress.Step();

        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(progress.Step);
        Assert.Equal(1, progress.Done);
    }
}
