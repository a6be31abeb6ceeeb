using Touchstone.Suites.Spectral;

namespace Touchstone.Suites.Tests.Spectral;

public sealed class SpectralMetricsTests
{
    private static readonly int Comp4 = Components.IndexOf("comp4");
    private static readonly int Comp10 = Components.IndexOf("comp10");

    [Fact]
    public void Mse_averages_over_all_twenty_outputs_and_every_spectrum()
    {
        var targets = new float[2 * 20];
        var predictions = new float[2 * 20];
        predictions[0] = 1;          // error 1 on spectrum 0, output 0
        predictions[20 + 19] = -2;   // error 2 on spectrum 1, output 19

        var score = SpectralMetrics.Score("id", predictions, targets, new double[20], [Comp4]);

        Assert.Equal((1.0 + 4.0) / 40, score.Mse, 15);
        Assert.Equal(0.0, score.ConstantMse);
    }

    [Fact]
    public void Per_component_mse_and_r2_use_that_components_column_only()
    {
        // comp10's targets 0, 0.5, 1 (mean 0.5, SS_tot 0.5); predictions 0.1, 0.5, 0.8 (SS_res 0.05).
        var targets = new float[3 * 20];
        var predictions = new float[3 * 20];
        float[] truth = [0f, 0.5f, 1f], guess = [0.1f, 0.5f, 0.8f];
        for (var i = 0; i < 3; i++)
        {
            targets[i * 20 + Comp10] = truth[i];
            predictions[i * 20 + Comp10] = guess[i];
            predictions[i * 20 + Comp4] = 0.3f;   // comp4's targets are all zero here
        }

        var score = SpectralMetrics.Score("ood", predictions, targets, new double[20], [Comp4, Comp10]);

        var comp10 = score.Components.Single(c => c.Label == "comp10");
        Assert.Equal(0.05 / 3, comp10.Mse, 6);
        Assert.Equal(1 - 0.05 / 0.5, comp10.R2, 6);
        var comp4 = score.Components.Single(c => c.Label == "comp4");
        Assert.Equal(0.09, comp4.Mse, 6);
        Assert.True(double.IsNaN(comp4.R2), "R² of a constant column is undefined");
    }

    [Fact]
    public void Mae_and_pooled_r2_are_the_sources_over_all_outputs_around_the_grand_mean()
    {
        // Two spectra x 20 outputs: targets 1 at output 0 of spectrum 0 and 3 at output 1 of spectrum 1, else 0
        // (grand mean 0.1, SS_tot 0.9² + 2.9² + 38 × 0.1² = 9.6); predictions off by 1 at one place (SS_res 1).
        var targets = new float[2 * 20];
        targets[0] = 1;
        targets[20 + 1] = 3;
        var predictions = (float[])targets.Clone();
        predictions[5] = -1;

        var score = SpectralMetrics.Score("id", predictions, targets, new double[20], []);

        Assert.Equal(1.0 / 40, score.Mae, 15);
        Assert.Equal(1 - 1 / 9.6, score.R2, 12);
        Assert.Equal(0.0, SpectralMetrics.Score("id", new float[20], new float[20], new double[20], []).R2);
    }

    [Fact]
    public void Constant_predictor_is_the_training_mean_of_each_output()
    {
        var train = new float[4 * 20];
        train[0 * 20 + Comp10] = 1;
        train[1 * 20 + Comp10] = 0.5f;
        var means = SpectralMetrics.ColumnMeans(train, 20);
        Assert.Equal(0.375, means[Comp10]);
        Assert.Equal(0.0, means[Comp4]);

        var targets = new float[20];
        targets[Comp10] = 1;
        var score = SpectralMetrics.Score("ood", new float[20], targets, means, []);
        Assert.Equal(0.625 * 0.625 / 20, score.ConstantMse, 12);
    }
}
