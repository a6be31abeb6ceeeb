using Touchstone.Suites.Physics;

namespace Touchstone.Suites.Tests.Physics;

public sealed class CurriculumPlanTests
{
    private static double[] Weights(CurriculumPlan plan) =>
        [.. plan.Stages.SelectMany(s => Enumerable.Range(0, s.Epochs).Select(s.PhysicsWeight))];

    [Fact]
    public void Source_is_the_four_stages_with_the_ramp_then_weight_one_and_a_score_after_each()
    {
        var plan = CurriculumPlan.For(PhysicsTestConfigs.Training(epochs: 3), balls: 3);

        Assert.Equal([1e-3, 5e-4, 2e-4, 1e-4], plan.Stages.Select(s => s.Lr));
        Assert.Equal([0, 0, 0, 0.1, 0.55, 1, 1, 1, 1, 1, 1, 1], Weights(plan).Select(w => Math.Round(w, 12)));
        Assert.Equal([3, 6, 9, 12], plan.Checkpoints);
        Assert.Equal([3L, 4, 11, 12, 19, 20], plan.PhysicsColumns);
    }

    [Fact]
    public void No_physics_loss_has_weight_zero_in_every_epoch_of_every_stage()
    {
        var plan = CurriculumPlan.For(PhysicsTestConfigs.Training(PhysicsLossColumns.None, epochs: 5), balls: 3);

        Assert.Equal(4, plan.Stages.Count);
        Assert.All(Weights(plan), w => Assert.Equal(0, w));
        Assert.All(plan.Stages, s => Assert.False(s.UsesPhysics));
    }

    [Fact]
    public void No_curriculum_is_one_stage_of_all_the_epochs_at_the_first_rate_with_the_final_objective_scored_at_the_same_points()
    {
        var curriculum = CurriculumPlan.For(PhysicsTestConfigs.Training(epochs: 4), balls: 3);
        var plan = CurriculumPlan.For(PhysicsTestConfigs.Training(curriculum: false, epochs: 4), balls: 3);

        var stage = Assert.Single(plan.Stages);
        Assert.Equal(curriculum.TotalEpochs, plan.TotalEpochs);
        Assert.Equal(curriculum.Checkpoints, plan.Checkpoints);
        Assert.Equal(1e-3, stage.Lr);
        Assert.All(Weights(plan), w => Assert.Equal(1, w));
    }

    [Fact]
    public void Source_slice_reads_the_sources_columns_7_to_12()
    {
        var plan = CurriculumPlan.For(PhysicsTestConfigs.Training(PhysicsLossColumns.SourceSlice), balls: 3);

        Assert.Equal([7L, 8, 9, 10, 11, 12], plan.PhysicsColumns);
        Assert.Equal(CurriculumPlan.For(PhysicsTestConfigs.Training(), balls: 3).Stages, plan.Stages);
    }
}
