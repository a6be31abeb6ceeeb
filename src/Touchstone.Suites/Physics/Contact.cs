namespace Touchstone.Suites.Physics;

/// <summary>
/// One contact between a ball (or a static wall, <c>A = null</c>) and a ball, with normal n pointing from A to B.
/// Solved like pymunk's cpArbiter: the bounce target is −e·(normal approach speed before this step's gravity and
/// damping), the accumulated normal impulse stays ≥ 0, and the accumulated friction impulse stays within
/// μ·(normal impulse), with the tangential velocity measured at the contact point (so it includes spin). A wall
/// contact found inside the wall brings its own leaving speed, solved at the moment of impact (BallWorld.Rebound).
/// </summary>
internal sealed class Contact(Ball? a, Ball b, double nx, double ny, double restitution, double friction, double? leavingSpeed = null)
{
    private double _bounce;
    private double _normalImpulse;
    private double _tangentImpulse;

    private double InverseMassA => a?.InverseMass ?? 0;

    private double InverseMomentA => a?.InverseMoment ?? 0;

    /// <summary>Records the bounce target from the velocities as they are before gravity and damping.</summary>
    public void Prepare()
    {
        var approach = NormalVelocity();
        _bounce = leavingSpeed ?? (approach < 0 ? -restitution * approach : 0);
    }

    /// <summary>One sequential-impulse pass: normal, then friction.</summary>
    public void ApplyImpulse()
    {
        var normalMass = 1 / (InverseMassA + b.InverseMass);
        var wanted = (_bounce - NormalVelocity()) * normalMass;
        var total = Math.Max(_normalImpulse + wanted, 0);
        var delta = total - _normalImpulse;
        _normalImpulse = total;
        Push(delta * nx, delta * ny, 0);

        // Tangent t = (−ny, nx); the contact point is at −r_b·n from B's centre and +r_a·n from A's.
        var radiusA = a?.Radius ?? 0;
        var tangentMass = 1 / (InverseMassA + b.InverseMass + radiusA * radiusA * InverseMomentA + b.Radius * b.Radius * b.InverseMoment);
        var limit = friction * _normalImpulse;
        var wantedT = -TangentVelocity() * tangentMass;
        var totalT = Math.Clamp(_tangentImpulse + wantedT, -limit, limit);
        var deltaT = totalT - _tangentImpulse;
        _tangentImpulse = totalT;
        Push(-deltaT * ny, deltaT * nx, deltaT);
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
