using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Core.Tests.Support;
using Touchstone.Testing;

namespace Touchstone.Core.Tests.Running;

public sealed class CellExecutorTests
{
    [Fact]
    public void Curves_and_finals_are_recorded_in_order_with_the_latest_step()
    {
        using var dir = new TempDirectory();

        var run = Cells.Execute(dir.Path, c =>
        {
            c.Log(10, "train", "loss", 2.0);
            c.Progress(25, 30);
            c.Log(20, "train", "loss", 1.0);
            c.Final("test", "mse", 0.5);
        });

        Assert.Equal(CellStatus.Ok, run.Status);
        Assert.Null(run.Error);
        Assert.Equal([(10L, 2.0), (20L, 1.0)], run.Curves.Select(r => (r.Step, r.Value)));
        var final = Assert.Single(run.Metrics);
        Assert.Equal(new MetricRow("run-1", "demo", "shipped", 0, "smoke", "test", "mse", 0.5, 25), final);
    }

    [Fact]
    public void Exception_fails_the_cell_with_its_message_and_the_full_exception_in_the_log()
    {
        using var dir = new TempDirectory();

        var run = Cells.Execute(dir.Path, _ => throw new FileNotFoundException("no such data file: x.bin"));

        Assert.Equal(CellStatus.Failed, run.Status);
        Assert.Equal("FileNotFoundException: no such data file: x.bin", run.Error);
        var log = File.ReadAllText(Path.Combine(dir.Path, "cell.log"));
        Assert.Contains("failed: System.IO.FileNotFoundException: no such data file: x.bin", log);
        Assert.Contains("   at ", log);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Non_finite_curve_value_stops_the_cell_as_diverged(double value, string shown)
    {
        using var dir = new TempDirectory();
        var stepsAfter = 0;

        var run = Cells.Execute(dir.Path, c =>
        {
            c.Log(1, "train", "loss", 1.0);
            c.Log(2, "train", "loss", value);
            stepsAfter++;
        });

        Assert.Equal(CellStatus.Diverged, run.Status);
        Assert.Equal($"train/loss became {shown} at step 2 (curve)", run.Error);
        Assert.Equal(0, stepsAfter);
        Assert.Equal(2, run.Curves.Count);
    }

    [Fact]
    public void Non_finite_final_metric_is_diverged_even_when_the_experiment_swallows_the_exception()
    {
        using var dir = new TempDirectory();

        var run = Cells.Execute(dir.Path, c =>
        {
            try
            {
                c.Final("test", "acc", double.NaN);
            }
            catch (CellDivergedException)
            {
            }
            c.Final("test", "mse", 1.0);
        });

        Assert.Equal(CellStatus.Diverged, run.Status);
        Assert.Equal("test/acc became NaN at step 0 (final metric)", run.Error);
        Assert.Equal(2, run.Metrics.Count);
    }

    [Fact]
    public void Stopping_the_run_leaves_the_cell_without_a_status()
    {
        using var dir = new TempDirectory();
        using var stop = new CancellationTokenSource();

        var run = Cells.Execute(dir.Path, c =>
        {
            stop.Cancel();
            c.CancellationToken.ThrowIfCancellationRequested();
        }, stop.Token);

        Assert.Null(run.Status);
        Assert.Contains("it will be rerun on --resume", File.ReadAllText(Path.Combine(dir.Path, "cell.log")));
    }

    [Fact]
    public void Final_metric_recorded_twice_fails_the_cell()
    {
        using var dir = new TempDirectory();

        var run = Cells.Execute(dir.Path, c =>
        {
            c.Final("test", "mse", 1.0);
            c.Final("test", "mse", 2.0);
        });

        Assert.Equal(CellStatus.Failed, run.Status);
        Assert.Equal("InvalidOperationException: Final(\"test\", \"mse\", …) was called twice; a cell records each final metric once.", run.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("test/ood")]
    [InlineData("a b")]
    [InlineData("x,y")]
    public void Names_that_would_break_keys_or_files_fail_the_cell(string split)
    {
        using var dir = new TempDirectory();

        var run = Cells.Execute(dir.Path, c => c.Log(1, split, "loss", 1.0));

        Assert.Equal(CellStatus.Failed, run.Status);
        Assert.StartsWith("ArgumentException: A split name must be non-empty without spaces, '/' or ','", run.Error);
    }

    [Fact]
    public void Data_hash_covers_names_bytes_and_order()
    {
        using var dir = new TempDirectory();
        string Hash(Action<Touchstone.Core.Experiments.ICellContext> add) => Cells.Execute(dir.Path, add).DataHash;

        var ab = Hash(c => { c.AddData("x", [1, 2]); c.AddData("y", [3]); });

        Assert.Equal(ab, Hash(c => { c.AddData("x", [1, 2]); c.AddData("y", [3]); }));
        Assert.NotEqual(ab, Hash(c => { c.AddData("y", [3]); c.AddData("x", [1, 2]); }));
        Assert.NotEqual(ab, Hash(c => { c.AddData("x", [1]); c.AddData("y", [2, 3]); }));
        Assert.NotEqual(ab, Hash(c => { c.AddData("z", [1, 2]); c.AddData("y", [3]); }));
        Assert.Equal("none", Hash(_ => { }));
    }

    [Fact]
    public void A_rerun_starts_from_an_empty_cell_folder_with_its_config()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("stale.txt"), "from a killed attempt");

        Cells.Execute(dir.Path, c => File.WriteAllText(Path.Combine(c.ArtifactsDirectory, "model.bin"), "w"));

        Assert.False(File.Exists(dir.Combine("stale.txt")));
        Assert.True(File.Exists(dir.Combine("artifacts", "model.bin")));
        Assert.StartsWith("# resolved config of demo/shipped/seed-0\n", File.ReadAllText(dir.Combine("config.yaml")));
    }

    [Fact]
    public void Partial_curve_file_holds_the_points_while_the_cell_runs()
    {
        using var dir = new TempDirectory();
        string[] seen = [];

        Cells.Execute(dir.Path, c =>
        {
            c.Log(1, "train", "loss", 0.25);
            Thread.Sleep(250);
            c.Log(2, "train", "loss", 0.125);
            using var stream = new FileStream(dir.Combine("curves.partial.csv"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            seen = new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        });

        Assert.Equal(["step,split,metric,value", "1,train,loss,0.25", "2,train,loss,0.125"], seen);
    }
}
