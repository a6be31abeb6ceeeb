namespace Touchstone.Suites.Physics;

/// <summary>
/// One ball's state. A solid disc (moment m r² / 2, as pymunk.moment_for_circle(m, 0, r)) so that friction at a
/// contact can spin it, as in the source's engine; the spin is not a feature, but it changes later velocities.
/// </summary>
public sealed class Ball
{
    /// <summary>Makes a ball at rest or moving.</summary>
    public Ball(double x, double y, double vx, double vy, double radius, double mass)
    {
        if (radius <= 0 || mass <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(radius), $"A ball needs a positive radius and mass (got r = {radius}, m = {mass}).");
        }

        X = x;
        Y = y;
        Vx = vx;
        Vy = vy;
        Radius = radius;
        Mass = mass;
    }

    /// <summary>Centre x in px.</summary>
    public double X { get; internal set; }

    /// <summary>Centre y in px (up).</summary>
    public double Y { get; internal set; }

    /// <summary>Velocity x in px/s.</summary>
    public double Vx { get; internal set; }

    /// <summary>Velocity y in px/s.</summary>
    public double Vy { get; internal set; }

    /// <summary>Angular velocity in rad/s (counter-clockwise).</summary>
    public double Spin { get; internal set; }

    /// <summary>Radius in px.</summary>
    public double Radius { get; }

    /// <summary>Mass.</summary>
    public double Mass { get; }

    /// <summary>1 / mass.</summary>
    internal double InverseMass => 1 / Mass;

    /// <summary>1 / moment of inertia of a solid disc.</summary>
    internal double InverseMoment => 2 / (Mass * Radius * Radius);

    /// <summary>½ m |v|², as the source's kinetic_energy feature.</summary>
    public double KineticEnergy => 0.5 * Mass * (Vx * Vx + Vy * Vy);

    /// <summary>m |g| y, as the source's potential_energy feature.</summary>
    public double PotentialEnergy(double gravity) => Mass * Math.Abs(gravity) * Y;
}
