namespace Touchstone.Suites.Physics;

/// <summary>
/// One stage of the source's curriculum (train_progressive_paperspace.py at ddf0424, its <c>stages</c> list and
/// <c>config</c>): learning rate, epochs, and the physics-loss weight per epoch.
/// </summary>
/// <param name="Name">The source's stage name.</param>
/// <param name="Lr">Adam learning rate set at the start of the stage.</param>
/// <param name="Epochs">Epochs in the stage.</param>
/// <param name="PhysicsFrom">Physics weight at the stage's first epoch (0 = no physics loss).</param>
/// <param name="PhysicsTo">Physics weight at its last epoch; the weights between are np.linspace(from, to, epochs).</param>
/// <param name="Randomizes">The source's <c>"randomize": True</c> (stage 3): its batches are domain-randomized when
/// the config asks for it (<see cref="PhysicsTrainingConfig.DomainRandomization"/>); the source's own had no effect.</param>
public sealed record CurriculumStage(string Name, double Lr, int Epochs, double PhysicsFrom, double PhysicsTo, bool Randomizes = false)
{
    /// <summary>The source's four stages with <paramref name="epochs"/> epochs each (it used 50).</summary>
    public static IReadOnlyList<CurriculumStage> Source(int epochs) =>
    [
        new("in-distribution", 1e-3, epochs, 0, 0),
        new("physics", 5e-4, epochs, 0.1, 1.0),
        new("domain-randomization", 2e-4, epochs, 1.0, 1.0, Randomizes: true),
        new("extrapolation", 1e-4, epochs, 1.0, 1.0),
    ];

    /// <summary>Whether the stage adds the physics loss at all.</summary>
    public bool UsesPhysics => PhysicsFrom != 0 || PhysicsTo != 0;

    /// <summary>The physics weight of epoch <paramref name="epoch"/> (0-based), np.linspace(from, to, epochs)[epoch].</summary>
    public double PhysicsWeight(int epoch)
    {
        if (epoch < 0 || epoch >= Epochs)
        {
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"Stage '{Name}' has epochs 0..{Epochs - 1}.");
        }

        // np.linspace: a single point is the start; otherwise start + i·step, with the last point exactly the end.
        if (Epochs == 1)
        {
            return PhysicsFrom;
        }

        return epoch == Epochs - 1 ? PhysicsTo : (epoch * ((PhysicsTo - PhysicsFrom) / (Epochs - 1))) + PhysicsFrom;
    }
}
