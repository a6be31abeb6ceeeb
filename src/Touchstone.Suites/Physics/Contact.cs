namespace Touchstone.Suites.Physics;

/// <summary>
/// One contact between a ball (or a static wall, <c>A = null</c>) and a ball, with normal n pointing from A to B.
/// It acts twice in a step, on the end-of-step velocities. As a bounce (<see cref="Strike"/>, <see cref="Collide"/>)
/// it is one event: restitution e, and the friction that the event's impulse allows. As a resting contact
/// (<see cref="ApplyImpulse"/>) it is pymunk's sequential impulse with bounce target 0: the accumulated normal impulse
/// stays ≥ 0 and the accumulated friction impulse within μ·(normal impulse), with the tangential velocity measured at
/// the contact point (so it includes spin).
/// </summary>
/// <param name="a">The other ball, or null for a wall.</param>
/// <param name="b">The ball the normal points into.</param>
/// <param name="nx">Normal x, from A to B.</param>
/// <param name="ny">Normal y, from A to B.</param>
/// <param name="restitution">e of a bounce.</param>
/// <param name="friction">μ of the contact.</param>
/// <param name="restingSpeed">Approach speeds up to this only rest, never bounce.</param>
/// <param name="leavingSpeed">A wall bounce already solved at its moment of impact (BallWorld.Rebound): the normal
/// speed the ball leaves with at the end of the step.</param>
internal sealed class Contact(Ball? a, Ball b, double nx, double ny, double restitution, double friction, double restingSpeed, double? leavingSpeed = null)
{
    private double _normalImpulse;
    private double _tangentImpulse;
    private double _strikeImpulse;

    private double InverseMassA => a?.InverseMass ?? 0;

    private double InverseMomentA => a?.InverseMoment ?? 0;

    private double NormalMass => 1 / (InverseMassA + b.InverseMass);

    /// <summary>
    /// Gives a wall bounce solved at impact its leaving speed (the normal part only; <see cref="StrikeFriction"/>
    /// follows). Returns whether this contact is such a bounce.
    /// </summary>
    public bool Strike()
    {
        if (leavingSpeed is not { } speed)
        {
            return false;
        }

        _strikeImpulse = Math.Max((speed - NormalVelocity()) * NormalMass, 0);
        Push(_strikeImpulse * nx, _strikeImpulse * ny, 0);
        return true;
    }

    /// <summary>The friction a strike's impulse allows (up to μ·impulse), acting on the contact point's sliding.</summary>
    public void StrikeFriction() => ApplyFriction(0, friction * _strikeImpulse);

    /// <summary>
    /// Bounces the pair if it approaches faster than the resting speed: the normal velocity −v becomes e·v, and
    /// friction up to μ·impulse acts on the contact point's sliding. Returns whether it did. With e ≤ 1 no such
    /// event adds energy.
    /// </summary>
    public bool Collide()
    {
        var approach = NormalVelocity();
        if (approach >= -restingSpeed)
        {
            return false;
        }

        Bounce(-(1 + restitution) * approach * NormalMass);
        return true;
    }

    /// <summary>One sequential-impulse pass of the resting contact: normal (target 0), then friction.</summary>
    public void ApplyImpulse()
    {
        var wanted = -NormalVelocity() * NormalMass;
        var total = Math.Max(_normalImpulse + wanted, 0);
        var delta = total - _normalImpulse;
        _normalImpulse = total;
        Push(delta * nx, delta * ny, 0);
        _tangentImpulse = ApplyFriction(_tangentImpulse, friction * _normalImpulse);
    }

    // A bounce is an event of its own: its impulses are not accumulated, so the resting passes cannot take them back.
    private void Bounce(double impulse)
    {
        Push(impulse * nx, impulse * ny, 0);
        ApplyFriction(0, friction * impulse);
    }

    // Moves the friction impulse from `accumulated` toward stopping the contact point's sliding, within ±limit,
    // applies the change and returns the new value. It never reverses the sliding, so it never adds energy.
    private double ApplyFriction(double accumulated, double limit)
    {
        // Tangent t = (−ny, nx); the contact point is at −r_b·n from B's centre and +r_a·n from A's.
        var radiusA = a?.Radius ?? 0;
        var tangentMass = 1 / (InverseMassA + b.InverseMass + radiusA * radiusA * InverseMomentA + b.Radius * b.Radius * b.InverseMoment);
        var wanted = -TangentVelocity() * tangentMass;
        var total = Math.Clamp(accumulated + wanted, -limit, limit);
        var delta = total - accumulated;
        Push(-delta * ny, delta * nx, delta);
        return total;
    }

    private double NormalVelocity()
    {
        var (ax, ay) = a is null ? (0.0, 0.0) : (a.Vx, a.Vy);
        return (b.Vx - ax) * nx + (b.Vy - ay) * ny;
    }

    private double TangentVelocity()
    {
        // A disc's surface point at offset s·r·n moves at v + ω ẑ × (s r n) = v + s r ω t, since ẑ × n = t = (−ny, nx).
        // B's contact point is at s = −1, A's at s = +1.
        var relative = (b.Vx - (a?.Vx ?? 0)) * -ny + (b.Vy - (a?.Vy ?? 0)) * nx;
        var spinB = -b.Radius * b.Spin;
        var spinA = a is null ? 0 : a.Radius * a.Spin;
        return relative + spinB - spinA;
    }

    /// <summary>Applies impulse (jx, jy) to B at its contact point and the opposite to A; <paramref name="jt"/> is its tangential part.</summary>
    private void Push(double jx, double jy, double jt)
    {
        b.Vx += jx * b.InverseMass;
        b.Vy += jy * b.InverseMass;
        // Torque of a tangential impulse jt·t at offset −r_b n: (−r_b n) × (jt t) = −r_b jt (n × t) = −r_b jt.
        b.Spin += -b.Radius * jt * b.InverseMoment;
        if (a is not null)
        {
            a.Vx -= jx * a.InverseMass;
            a.Vy -= jy * a.InverseMass;
            // At offset +r_a n the opposite impulse −jt t gives r_a n × (−jt t) = −r_a jt.
            a.Spin += -a.Radius * jt * a.InverseMoment;
        }
    }
}
