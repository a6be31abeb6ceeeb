using Touchstone.Suites.Physics;

namespace Touchstone.Suites.Tests.Physics;

public sealed class CurriculumStageTests
{
    [Fact]
    public void The_sources_stages_have_its_learning_rates_and_physics_weights()
    {
        var stages = CurriculumStage.Source(50);

        Assert.Equal([1e-3, 5e-4, 2e-4, 1e-4], stages.Select(s => s.Lr));
        Assert.False(stages[0].UsesPhysics);
        Assert.All(stages.Skip(1), s => Assert.True(s.UsesPhysics));
        Assert.Equal(0.1, stages[1].PhysicsWeight(0));
        Assert.Equal(0.1 + (0.9 / 49), stages[1].PhysicsWeight(1), 15); // np.linspace(0.1, 1.0, 50)[1]
        Assert.Equal(1.0, stages[1].PhysicsWeight(49));
        Assert.Equal(1.0, stages[3].PhysicsWeight(17));
    }

    [Fact]
    public void An_epoch_outside_the_stage_is_refused_naming_the_stage()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CurriculumStage.Source(5)[1].PhysicsWeight(5));
        Assert.Contains("physics", error.Message);
    }
}
