namespace Touchstone.Suites.Physics;

/// <summary>
/// The four physics parameters a sample varies, in the source's units and sign convention
/// (experiments/01_physics_worlds/physics_env.py, PhysicsConfig: y points up, gravity negative in px/s²).
/// </summary>
/// <param name="Gravity">Vertical acceleration in px/s² (negative = down).</param>
/// <param name="Friction">Friction coefficient of every shape; a contact uses the product of its two shapes' values.</param>
/// <param name="Elasticity">Elasticity of every shape; a contact's restitution is the product of its two shapes' values.</param>
/// <param name="Damping">Fraction of velocity kept per second (pymunk's Space.damping).</param>
public sealed record PhysicsParameters(double Gravity, double Friction, double Elasticity, double Damping)
{
    /// <summary>The four values in the source's order (gravity, friction, elasticity, damping).</summary>
    public double[] ToArray() => [Gravity, Friction, Elasticity, Damping];
}

/// <summary>The box and the step, fixed by the source (physics_env.py, PhysicsConfig and _create_boundaries).</summary>
/// <param name="Width">Box width in px (800).</param>
/// <param name="Height">Box height in px (600).</param>
/// <param name="Dt">Time step in s (1/60).</param>
/// <param name="WallRadius">The walls are segments of radius 5 on the box's edges, so a ball touches a wall 5 px inside.</param>
/// <param name="SolverIterations">Sequential-impulse passes per step (pymunk's default is 10).</param>
public sealed record WorldGeometry(
    double Width = 800,
    double Height = 600,
    double Dt = 1.0 / 60,
    double WallRadius = 5,
    int SolverIterations = 10);
