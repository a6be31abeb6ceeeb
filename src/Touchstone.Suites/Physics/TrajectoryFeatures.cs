namespace Touchstone.Suites.Physics;

/// <summary>
/// The source's frame layout (physics_env.py, get_trajectory_array): [t, then per ball x, y, vx, vy, mass, radius,
/// kinetic energy, potential energy], recorded before each step, so frame 0 is the initial state at t = 0.
/// </summary>
public static class TrajectoryFeatures
{
    /// <summary>Features per ball.</summary>
    public const int PerBall = 8;

    /// <summary>Offsets of a ball's features from its first one.</summary>
    public const int X = 0, Y = 1, Vx = 2, Vy = 3, Mass = 4, Radius = 5, Kinetic = 6, Potential = 7;

    /// <summary>Column of feature <paramref name="offset"/> of ball <paramref name="ball"/> (column 0 is time).</summary>
    public static int Column(int ball, int offset) => 1 + ball * PerBall + offset;

    /// <summary>Writes the world's current frame into <paramref name="frame"/>.</summary>
    public static void Write(BallWorld world, Span<float> frame)
    {
        frame[0] = (float)world.Time;
        for (var i = 0; i < world.Balls.Count; i++)
        {
            var ball = world.Balls[i];
            var row = frame.Slice(Column(i, 0), PerBall);
            row[X] = (float)ball.X;
            row[Y] = (float)ball.Y;
            row[Vx] = (float)ball.Vx;
            row[Vy] = (float)ball.Vy;
            row[Mass] = (float)ball.Mass;
            row[Radius] = (float)ball.Radius;
            row[Kinetic] = (float)ball.KineticEnergy;
            row[Potential] = (float)ball.PotentialEnergy(world.Parameters.Gravity);
        }
    }
}
