using Touchstone.Suites.Common;
using Touchstone.Suites.EnergyOod.Vector;

namespace Touchstone.Suites.Tests.EnergyOod;

public sealed class EnergyOodExperimentTests
{
    [Fact]
    public void A_vector_cell_records_every_metric_of_both_models_and_both_operations()
    {
        using var context = EnergyOodCells.Run(EnergyOodCells.TinyVector);

        foreach (var op in new[] { "add", "multiply" })
        {
            foreach (var model in new[] { "ebt", "ffn" })
            {
                Assert.True(context.Final("val", $"{model}_{op}_mse") > 0);
                Assert.True(context.Final("ood", $"{model}_{op}_mse") > 0);
                Assert.Equal(context.Final("ood", $"{model}_{op}_mse") / context.Final("val", $"{model}_{op}_mse"), context.Final("ood", $"{model}_{op}_ood_ratio"));
            }
            foreach (var split in new[] { "val", "ood" })
            {
                Assert.True(double.IsFinite(context.Final(split, $"ebt_{op}_energy_first")));
                Assert.True(double.IsFinite(context.Final(split, $"ebt_{op}_energy_last")));
            }
            Assert.Equal(context.Final("ood", $"ebt_{op}_mse") / context.Final("ood", $"ffn_{op}_mse"), context.Final("ood", $"ebt_over_ffn_{op}_mse"));
        }
        Assert.Equal(2 * (7 + 3 + 1), context.Finals.Count); // per operation: EBT 7, FFN 3, their ratio
        Assert.Equal(new[] { "train.x", "train.add", "train.multiply", "val.x", "val.add", "val.multiply", "ood.x", "ood.add", "ood.multiply" }, context.DataPieces);
        Assert.Equal((2 * (20 + 30), 2 * (20 + 30)), context.LastProgress);
        // As the toy loops: after steps 1 and 11 (a zero-based counter tested after the update), and the last step.
        Assert.Equal([1L, 11, 20], context.Curve("val", "ebt_add_mse").Select(p => p.Step));
        Assert.Equal([1L, 11, 21, 30], context.Curve("ood", "ffn_multiply_mse").Select(p => p.Step));
        var energies = File.ReadAllLines(Path.Combine(context.ArtifactsDirectory, "ebt_energy_by_step.csv"));
        Assert.Equal(1 + 2 * 2 * 11, energies.Length); // header; 2 operations x 2 splits x (ŷ0 + 10 steps)
        Assert.StartsWith("ebt,add,val,0,", energies[1]);
    }

    [Fact]
    public void The_same_cell_and_seed_give_bit_identical_numbers_and_another_seed_the_same_data()
    {
        using var first = EnergyOodCells.Run(EnergyOodCells.TinyVector with { Ebt = EnergyOodCells.TinyVector.Ebt with { Recipe = EbtRecipe.PaperS2 } });
        using var again = EnergyOodCells.Run(EnergyOodCells.TinyVector with { Ebt = EnergyOodCells.TinyVector.Ebt with { Recipe = EbtRecipe.PaperS2 } });
        using var other = EnergyOodCells.Run(EnergyOodCells.TinyVector with { Ebt = EnergyOodCells.TinyVector.Ebt with { Recipe = EbtRecipe.PaperS2 } }, seed: 1);

        Assert.Equal(first.Finals, again.Finals);
        Assert.Equal(first.Curves, again.Curves);
        Assert.Equal(first.DataHash, other.DataHash);
        Assert.NotEqual(first.Final("val", "ebt_add_mse"), other.Final("val", "ebt_add_mse"));
        Assert.NotEqual(first.Final("val", "ffn_add_mse"), other.Final("val", "ffn_add_mse"));
    }

    [Fact]
    public void The_S2_recipe_evaluates_with_the_most_steps()
    {
        using var context = EnergyOodCells.Run(EnergyOodCells.TinyVector with { Ebt = EnergyOodCells.TinyVector.Ebt with { Recipe = EbtRecipe.PaperS2 } });

        Assert.Contains(context.Messages, m => m.StartsWith("ebt_add val: mean energy by inference step") && m.Split('→').Length == 4);
        Assert.True(double.IsFinite(context.Final("ood", "ebt_multiply_mse")));
    }

    [Fact]
    public void The_data_reading_changes_the_data_hash()
    {
        using var gaussian = EnergyOodCells.Run(EnergyOodCells.TinyVector with { Ebt = EnergyOodCells.TinyVector.Ebt with { Steps = 1 }, Ffn = EnergyOodCells.TinyVector.Ffn with { Steps = 1 } });
        using var uniform = EnergyOodCells.Run(EnergyOodCells.TinyVector with
        {
            Vector = EnergyOodCells.TinyVector.Vector with { Reading = VectorReading.Uniform },
            Ebt = EnergyOodCells.TinyVector.Ebt with { Steps = 1 },
            Ffn = EnergyOodCells.TinyVector.Ffn with { Steps = 1 },
        });

        Assert.NotEqual(gaussian.DataHash, uniform.DataHash);
    }

    [Fact]
    public void A_diverging_EBT_surfaces_as_non_finite_metrics_not_an_exception()
    {
        var exploding = EnergyOodCells.TinyVector with { Ebt = EnergyOodCells.TinyVector.Ebt with { StepSize = 1e30, Steps = 5 } };

        using var context = EnergyOodCells.Run(exploding);

        Assert.False(double.IsFinite(context.Final("ood", "ebt_add_mse")));
        Assert.True(double.IsFinite(context.Final("ood", "ffn_add_mse")));
    }

    [Fact]
    public void A_cancelled_run_stops_between_steps()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => EnergyOodCells.Run(EnergyOodCells.TinyVector, cancellation: cancelled.Token));
    }

    [Fact]
    public void A_list_ops_cell_records_accuracy_and_cross_entropy_of_both_models_beside_the_majority_class()
    {
        using var context = EnergyOodCells.Run(EnergyOodCells.TinyListOps);

        foreach (var split in new[] { "val", "test" })
        {
            Assert.InRange(context.Final(split, "majority_acc"), 0.0, 1.0);
            foreach (var model in new[] { "transformer", "ebt" })
            {
                Assert.InRange(context.Final(split, $"{model}_acc"), 0.0, 1.0);
                Assert.InRange(context.Final(split, $"{model}_ce"), 0.0, 20.0);
            }
            Assert.True(double.IsFinite(context.Final(split, "ebt_energy_first")));
            Assert.True(double.IsFinite(context.Final(split, "ebt_energy_last")));
        }
        Assert.Equal(2, context.Curve("val", "transformer_acc").Count); // one point per epoch
        Assert.Equal(6, context.DataPieces.Count);
        Assert.Contains(context.Messages, m => m.StartsWith("ebt test: mean energy by inference step") && m.Split('→').Length == 3);
    }

    [Fact]
    public void A_list_ops_cell_is_bit_identical_across_runs()
    {
        var config = EnergyOodCells.TinyListOps with { Transformer = EnergyOodCells.TinyListOps.Transformer with { Epochs = 1 } };

        using var first = EnergyOodCells.Run(config, seed: 2);
        using var again = EnergyOodCells.Run(config, seed: 2);

        Assert.Equal(first.Finals, again.Finals);
        Assert.Equal(first.DataHash, again.DataHash);
    }

    [Fact]
    public void Early_stopping_ends_training_after_the_patience_runs_out()
    {
        var config = EnergyOodCells.TinyListOps with { Transformer = EnergyOodCells.TinyListOps.Transformer with { Lr = 0, Epochs = 6, Patience = 2 } };

        using var context = EnergyOodCells.Run(config);

        // With a zero learning rate the validation accuracy never improves after the first epoch.
        Assert.Equal(3, context.Curve("val", "transformer_acc").Count);
    }

    [Fact]
    public void Bad_values_are_reported_together_by_key_before_anything_runs()
    {
        var vector = Assert.Throws<ConfigException>(() => EnergyOodCells.Run(EnergyOodCells.TinyVector with
        {
            EvalEvery = 0,
            Ebt = EnergyOodCells.TinyVector.Ebt with { InferenceSteps = 0 },
        }));
        var listOps = Assert.Throws<ConfigException>(() => EnergyOodCells.Run(EnergyOodCells.TinyListOps with
        {
            Transformer = EnergyOodCells.TinyListOps.Transformer with { DModel = 15 },
        }));

        Assert.Contains("2 problems", vector.Message);
        Assert.Contains("eval_every must be positive (got 0)", vector.Message);
        Assert.Contains("ebt.inference_steps must be positive (got 0)", vector.Message);
        Assert.Contains("transformer.d_model must be divisible by transformer.heads (2) (got 15)", listOps.Message);
    }
}
