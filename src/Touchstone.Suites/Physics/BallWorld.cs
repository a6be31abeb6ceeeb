namespace Touchstone.Suites.Physics;

/// <summary>
/// A deterministic 2-D ball world in the shape of the source's pymunk world (physics_env.py, PhysicsWorld): four
/// static wall segments on the box's edges, balls as discs, and one step per <see cref="WorldGeometry.Dt"/>: move
/// positions along the ballistic path, find contacts, apply damping and gravity (v ← v·damping^dt + g·dt, pymunk's
/// cpBodyUpdateVelocity), then bounce and rest. Restitution and friction are the products of the two shapes' values
/// (pymunk's arbiter rule). Where it differs from pymunk (docs/suites/physics-curriculum.md, "Simulator"): a wall
/// bounce is solved at its moment of impact; bounces are events applied one contact at a time, and only then do
/// resting contacts get pymunk's sequential impulses (with bounce target 0); overlaps are removed by moving the
/// balls apart directly instead of pymunk's bias velocities; no sleeping, no caching of impulses between steps.
/// Everything is plain double arithmetic in a fixed order, so the same inputs give the same bytes on every machine.
/// </summary>
public sealed class BallWorld
{
    // pymunk's default collision slop, in px.
    private const double Slop = 0.1;

    // Passes of bounce events per step. A chain of a few balls settles in a handful; what is left after this many (a
    // long chain of near-equal bounces) is then only stopped, not bounced, by the resting contacts, which loses energy
    // rather than making it.
    private const int MaxCollisionPasses = 64;

    private readonly List<Ball> _balls = [];

    /// <summary>Makes an empty world.</summary>
    public BallWorld(PhysicsParameters parameters, WorldGeometry? geometry = null)
    {
        Parameters = parameters;
        Geometry = geometry ?? new WorldGeometry();
    }

    /// <summary>The physics parameters.</summary>
    public PhysicsParameters Parameters { get; }

    /// <summary>The box and the step.</summary>
    public WorldGeometry Geometry { get; }

    /// <summary>The balls, in the order they were added (the order of the features).</summary>
    public IReadOnlyList<Ball> Balls => _balls;

    /// <summary>Steps taken so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>Simulated time in s (steps × dt), the source's time feature.</summary>
    public double Time => StepCount * Geometry.Dt;

    /// <summary>Adds a ball.</summary>
    public void Add(Ball ball) => _balls.Add(ball);

    /// <summary>Advances the world by one time step.</summary>
    public void Step()
    {
        var dt = Geometry.Dt;
        foreach (var ball in _balls)
        {
            // The exact ballistic position; pymunk moves by v·dt alone, which gains ½·m·g²·dt² of energy every step.
            ball.X += ball.Vx * dt;
            ball.Y += (ball.Vy * dt) + (0.5 * Parameters.Gravity * dt * dt);
        }

        var contacts = FindContacts();

        var keep = Math.Pow(Parameters.Damping, dt);
        foreach (var ball in _balls)
        {
            ball.Vx = ball.Vx * keep;
            ball.Vy = ball.Vy * keep + Parameters.Gravity * dt;
        }

        // Bounces happen on the end-of-step velocities, the ones the ballistic positions above belong to; a bounce
        // before the gravity update would add this step's gravity to a velocity the ball never flew with.
        Strike(contacts);
        Collide(contacts);
        for (var pass = 0; pass < Geometry.SolverIterations; pass++)
        {
            foreach (var contact in contacts)
            {
                contact.ApplyImpulse();
            }
        }

        StepCount++;
    }

    // The wall bounces solved at impact: every leaving speed first, then the friction each strike allows, so that at a
    // corner one wall's friction cannot change the velocity the other wall's leaving speed is set on.
    private static void Strike(List<Contact> contacts)
    {
        var struck = contacts.Where(c => c.Strike()).ToList();
        foreach (var contact in struck)
        {
            contact.StrikeFriction();
        }
    }

    // Bounces as events, one contact at a time on the current velocities, until nothing approaches: each event
    // conserves (e = 1) or loses energy, so a ball wedged between a wall and another ball, or a stack, passes a
    // bounce along as a Newton's cradle does. Solving bounces together toward fixed targets (pymunk's way) let a wall
    // re-launch a wedged ball after every push from the ball above it, which created energy (+33 % in one step).
    private static void Collide(List<Contact> contacts)
    {
        for (var pass = 0; pass < MaxCollisionPasses; pass++)
        {
            var any = false;
            foreach (var contact in contacts)
            {
                any |= contact.Collide();
            }

            if (!any)
            {
                return;
            }
        }
    }

    private List<Contact> FindContacts()
    {
        var restitution = Parameters.Elasticity * Parameters.Elasticity;
        var friction = Parameters.Friction * Parameters.Friction;
        var reach = Geometry.WallRadius;
        var contacts = new List<Contact>();
        foreach (var ball in _balls)
        {
            // Normal points from the wall into the ball.
            AddWall(contacts, ball, ball.X - reach, 1, 0, restitution, friction);
            AddWall(contacts, ball, Geometry.Width - reach - ball.X, -1, 0, restitution, friction);
            AddWall(contacts, ball, ball.Y - reach, 0, 1, restitution, friction);
            AddWall(contacts, ball, Geometry.Height - reach - ball.Y, 0, -1, restitution, friction);
        }

        for (var i = 0; i < _balls.Count; i++)
        {
            for (var j = i + 1; j < _balls.Count; j++)
            {
                var a = _balls[i];
                var b = _balls[j];
                var dx = b.X - a.X;
                var dy = b.Y - a.Y;
                var distance = Math.Sqrt(dx * dx + dy * dy);
                var overlap = a.Radius + b.Radius - distance;
                if (overlap <= 0)
                {
                    continue;
                }

                // Coincident centres: push apart vertically, a fixed choice so the result stays deterministic.
                var (nx, ny) = distance > 0 ? (dx / distance, dy / distance) : (0.0, 1.0);
                var total = a.InverseMass + b.InverseMass;
                a.X -= nx * overlap * a.InverseMass / total;
                a.Y -= ny * overlap * a.InverseMass / total;
                b.X += nx * overlap * b.InverseMass / total;
                b.Y += ny * overlap * b.InverseMass / total;
                contacts.Add(new Contact(a, b, nx, ny, restitution, friction, 0));
            }
        }

        return contacts;
    }

    private void AddWall(List<Contact> contacts, Ball ball, double gap, double nx, double ny, double restitution, double friction)
    {
        var overlap = ball.Radius - gap;
        if (overlap <= -Slop)
        {
            return;
        }

        // A wall contact bounces only when the ball comes in faster than gravity brings it in one step (two steps'
        // worth, so rounding cannot make a resting ball hop); slower, it rests (pymunk keeps contacts within its
        // collision slop), so a ball can lie on the floor or carry another.
        var resting = 2 * Math.Abs(Parameters.Gravity) * Geometry.Dt;
        var normalVelocity = (ball.Vx * nx) + (ball.Vy * ny);
        var start = StartDistance(overlap, normalVelocity, ny);
        if (overlap > 0 && start < 0)
        {
            // It began the step inside the wall (another ball's separation pushed it there last step). That much is
            // a position correction only; the rest of the overlap is this step's flight into the wall.
            ball.X -= nx * start;
            ball.Y -= ny * start;
            overlap += start;
        }

        if (overlap <= 0)
        {
            // Touching but not inside: a faster ball is left to enter the wall and rebound at its moment of impact.
            if (-normalVelocity <= resting)
            {
                contacts.Add(new Contact(null, ball, nx, ny, restitution, friction, resting));
            }

            return;
        }

        var (distance, speed) = Rebound(overlap, normalVelocity, ny, restitution);
        ball.X += nx * (overlap + distance);
        ball.Y += ny * (overlap + distance);
        contacts.Add(new Contact(null, ball, nx, ny, restitution, friction, resting, speed));
    }

    // The ball's distance from the wall at the start of the step, from its overlap now and its flight in this step.
    private double StartDistance(double overlap, double normalVelocity, double ny)
    {
        var dt = Geometry.Dt;
        return -overlap - (normalVelocity * dt) - (0.5 * Parameters.Gravity * ny * dt * dt);
    }

    /// <summary>
    /// Where a ball that went <paramref name="overlap"/> into a wall during this step would be, and how fast it would
    /// leave, had it bounced at the moment of impact: its distance from the wall and normal speed at the end of the
    /// step. Solving the ballistic flight along the normal inside the step keeps the bounce from creating energy: a
    /// bounce applied at the end of the step instead (pymunk's way) skips the gravity of the time since impact, a gain
    /// of up to m·|g|·|v|·dt per bounce (a few percent of the energy at every floor bounce).
    /// </summary>
    private (double Distance, double Speed) Rebound(double overlap, double normalVelocity, double ny, double restitution)
    {
        var dt = Geometry.Dt;
        var a = 0.5 * Parameters.Gravity * ny;                // distance along n: d(t) = c + b·t + a·t²
        var b = normalVelocity;                               // the velocity before this step's update
        var c = StartDistance(overlap, normalVelocity, ny);   // distance at the start of the step
        var impact = ImpactTime(a, b, c, dt);
        var rest = dt - impact;
        var leaving = -restitution * (b + (2 * a * impact));
        var distance = (leaving * rest) + (a * rest * rest);
        var speed = leaving + (2 * a * rest);
        return distance > 0 ? (distance, speed) : (0, Math.Max(speed, 0));
    }

    // The first t in [0, dt] with c + b·t + a·t² = 0; 0 when the ball started the step already touching.
    private static double ImpactTime(double a, double b, double c, double dt)
    {
        if (c <= 0)
        {
            return 0;
        }

        if (a == 0)
        {
            return b < 0 ? Math.Clamp(-c / b, 0, dt) : 0;
        }

        var discriminant = (b * b) - (4 * a * c);
        if (discriminant < 0)
        {
            return 0;
        }

        var root = Math.Sqrt(discriminant);
        double[] roots = [(-b - root) / (2 * a), (-b + root) / (2 * a)];
        var inside = roots.Where(t => t >= 0 && t <= dt).ToArray();
        return inside.Length > 0 ? inside.Min() : Math.Clamp(roots.Min(), 0, dt);
    }
}
