namespace Touchstone.Suites.Physics;

/// <summary>
/// The stages a cell trains through and the points where it is scored. With the curriculum these are the source's
/// four stages and their ends; without it one stage of the same total epochs, scored after the same numbers of
/// epochs, so every variant reports a score "after stage k" at the same step.
/// </summary>
/// <param name="Stages">Stages in training order.</param>
/// <param name="Checkpoints">Total epochs after which the model is scored (ascending; the last is the end).</param>
/// <param name="PhysicsColumns">The columns the physics loss reads (see <see cref="PhysicsLoss"/>).</param>
public sealed record CurriculumPlan(IReadOnlyList<CurriculumStage> Stages, IReadOnlyList<int> Checkpoints, long[] PhysicsColumns)
{
    /// <summary>The plan of <paramref name="training"/> for trajectories of <paramref name="balls"/> balls.</summary>
    public static CurriculumPlan For(PhysicsTrainingConfig training, int balls)
    {
        var columns = training.PhysicsLoss == PhysicsLossColumns.SourceSlice ? PhysicsLoss.SourceSlice : PhysicsLoss.Velocities(balls);
        var source = CurriculumStage.Source(training.EpochsPerStage)
            .Select((stage, i) => stage with { Lr = training.StageLrs[i] })
            .ToList();
        var checkpoints = source.Select((_, i) => (i + 1) * training.EpochsPerStage).ToArray();
        var physics = training.PhysicsLoss != PhysicsLossColumns.None;
        if (!training.Curriculum)
        {
            // The final objective from the first step, at the first stage's learning rate, for all the epochs.
            var weight = physics ? source[^1].PhysicsTo : 0;
            return new([new CurriculumStage("all", source[0].Lr, checkpoints[^1], weight, weight)], checkpoints, columns);
        }

        return new(physics ? source : [.. source.Select(s => s with { PhysicsFrom = 0, PhysicsTo = 0 })], checkpoints, columns);
    }

    /// <summary>Epochs over all stages.</summary>
    public int TotalEpochs => Stages.Sum(s => s.Epochs);
}
