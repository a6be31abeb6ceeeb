namespace Touchstone.Suites.Physics;

/// <summary>A ball's state at the start of a trajectory, kept so the trajectory can be simulated again.</summary>
/// <param name="X">Centre x in px.</param>
/// <param name="Y">Centre y in px (up).</param>
/// <param name="Vx">Velocity x in px/s.</param>
/// <param name="Vy">Velocity y in px/s.</param>
/// <param name="Radius">Radius in px.</param>
/// <param name="Mass">Mass.</param>
public sealed record BallStart(double X, double Y, double Vx, double Vy, double Radius, double Mass)
{
    /// <summary>A new ball in this state, at rest in spin.</summary>
    public Ball ToBall() => new(X, Y, Vx, Vy, Radius, Mass);
}
