using System.Security.Cryptography;
using Touchstone.Suites.Physics;

namespace Touchstone.Suites.Tests.Physics;

public sealed class BallWorldTests
{
    private static readonly PhysicsParameters Frictionless = new(Gravity: -981, Friction: 0, Elasticity: 1, Damping: 1);

    [Fact]
    public void Free_fall_matches_the_closed_form_y0_plus_v0_t_plus_half_g_t_squared()
    {
        var world = new BallWorld(Frictionless);
        var ball = new Ball(400, 500, 30, 20, radius: 10, mass: 1);
        world.Add(ball);
        const int steps = 30; // 0.5 s, the ball never reaches a wall
        for (var i = 0; i < steps; i++)
        {
            world.Step();
        }

        var t = steps / 60.0;
        Assert.Equal(500 + (20 * t) - (981 * t * t / 2), ball.Y, 9);
        Assert.Equal(400 + (30 * t), ball.X, 9);
        Assert.Equal(20 - (981 * t), ball.Vy, 9);
    }

    [Fact]
    public void Damping_keeps_damping_to_the_power_dt_of_the_velocity_each_step()
    {
        var world = new BallWorld(new PhysicsParameters(Gravity: 0, Friction: 0, Elasticity: 1, Damping: 0.5));
        var ball = new Ball(400, 300, 60, 0, radius: 10, mass: 1);
        world.Add(ball);
        for (var i = 0; i < 60; i++)
        {
            world.Step();
        }

        Assert.Equal(30, ball.Vx, 9); // one second at damping 0.5 halves the speed
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.5)]
    public void A_floor_bounce_scales_the_normal_velocity_by_the_contacts_restitution_the_product_of_both_elasticities(double elasticity)
    {
        // No gravity so the speed just before and after the contact is the impact speed; the tangential speed stays
        // because there is no friction.
        var world = new BallWorld(new PhysicsParameters(Gravity: 0, Friction: 0, Elasticity: elasticity, Damping: 1));
        var ball = new Ball(400, 40, 50, -300, radius: 20, mass: 1.5);
        world.Add(ball);
        while (ball.Vy < 0)
        {
            world.Step();
            Assert.True(world.StepCount < 100, "the ball never bounced");
        }

        Assert.Equal(300 * elasticity * elasticity, ball.Vy, 9);
        Assert.Equal(50, ball.Vx, 9);
        Assert.True(ball.Y >= 5 + 20 - 1e-9, "the ball ends inside the floor segment");
    }

    [Fact]
    public void A_wall_bounce_with_friction_slows_the_tangential_speed_and_spins_the_ball()
    {
        var world = new BallWorld(new PhysicsParameters(Gravity: 0, Friction: 0.8, Elasticity: 1, Damping: 1));
        var ball = new Ball(400, 40, 200, -300, radius: 20, mass: 1);
        world.Add(ball);
        for (var i = 0; i < 10; i++)
        {
            world.Step();
        }

        Assert.Equal(300, ball.Vy, 9);
        Assert.InRange(ball.Vx, 0, 199);
        Assert.NotEqual(0, ball.Spin);
    }

    [Fact]
    public void Without_friction_or_damping_and_with_elasticity_one_energy_is_conserved_to_1e_9_through_3000_steps_of_bounces_and_collisions()
    {
        // Two balls under gravity that bounce on every wall and hit each other.
        var world = new BallWorld(Frictionless);
        var a = new Ball(200, 400, 180, -50, radius: 25, mass: 1.8);
        var b = new Ball(500, 300, -120, 90, radius: 15, mass: 0.6);
        world.Add(a);
        world.Add(b);
        var start = TotalEnergy(world);
        var worst = 0.0;
        var touched = false;
        for (var i = 0; i < 3000; i++)
        {
            world.Step();
            worst = Math.Max(worst, Math.Abs(TotalEnergy(world) / start - 1));
            touched |= Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y))) <= a.Radius + b.Radius + 1e-9;
        }

        Assert.True(touched, "the two balls never collided");
        Assert.InRange(worst, 0, 1e-9);
    }

    [Fact]
    public void Three_elastic_balls_keep_their_energy_to_1e_9_through_3000_steps_including_a_ball_wedged_under_another_in_a_corner()
    {
        // This run once gained 33 % in one step (step 2055, the small ball wedged in the bottom right corner under the
        // large one) and ended 35 % above its start.
        var world = ThreeBalls(Frictionless);
        var start = TotalEnergy(world);
        var worst = 0.0;
        for (var i = 0; i < 3000; i++)
        {
            world.Step();
            worst = Math.Max(worst, Math.Abs(TotalEnergy(world) / start - 1));
        }

        Assert.InRange(worst, 0, 1e-9);
    }

    [Fact]
    public void A_ball_that_bounces_off_the_floor_into_a_ball_falling_onto_it_gains_no_energy()
    {
        // The state before that step: the small ball hits the floor while the large one comes down on it from above.
        // Solving the floor's bounce and the balls' contact together toward fixed targets re-launched the small ball
        // after every push from the large one: +56 % in this step. Bounces as events pass it on instead.
        var world = new BallWorld(Frictionless);
        world.Add(new Ball(769.1459887934515, 67.05251893797899, -153.75268075389846, -414.0724639453158, radius: 25, mass: 1.8));
        world.Add(new Ball(759.0622045677371, 22.651878150849285, 675.8958377560328, -815.5430309118598, radius: 15, mass: 0.6));
        var before = TotalEnergy(world);
        var bottom = world.Balls[1];

        world.Step();

        Assert.True(bottom.Vy >= 0, "the small ball is still going into the floor");
        Assert.True(world.Balls[0].Vy > 0, "the large ball did not bounce off the small one");
        Assert.InRange(TotalEnergy(world) / before, 0.999, 1 + 1e-12);
    }

    [Theory]
    [InlineData(0.0, 1.0, 1.0)]
    [InlineData(0.3, 1.0, 1.0)]
    [InlineData(0.0, 0.95, 1.0)]
    [InlineData(0.5, 0.8, 0.9)]
    public void In_random_three_ball_worlds_no_step_adds_a_percent_of_the_starting_energy(double friction, double elasticity, double damping)
    {
        // Energy here includes spin (a solid disc's ¼·m·r²·ω²), which friction trades with the linear motion. The one
        // source of gain left is a position correction: a ball pushed into a wall by another ball's separation is
        // moved back out next step, which lifts it by up to a few px. Measured on these 40 worlds, 2026-12-05: at
        // most 0.33 %, 0.001 %, 0.28 % and 0.13 % of the starting energy in one step (the four rows in order).
        var random = new Random(11);
        var worst = 0.0;
        for (var n = 0; n < 40; n++)
        {
            var gravity = -(400 + (800 * random.NextDouble()));
            var world = RandomWorld(random, new PhysicsParameters(gravity, friction, elasticity, damping));
            var start = EnergyWithSpin(world);
            var previous = start;
            for (var i = 0; i < 3000; i++)
            {
                world.Step();
                var energy = EnergyWithSpin(world);
                worst = Math.Max(worst, (energy - previous) / start);
                previous = energy;
            }
        }

        Assert.InRange(worst, 0, 0.01);
    }

    [Fact]
    public void Without_gravity_walls_conserve_kinetic_energy_exactly_up_to_rounding_over_3000_steps()
    {
        var world = ThreeBalls(Frictionless with { Gravity = 0 });
        var start = world.Balls.Sum(b => b.KineticEnergy);
        for (var i = 0; i < 3000; i++)
        {
            world.Step();
        }

        Assert.Equal(1, world.Balls.Sum(b => b.KineticEnergy) / start, 9);
    }

    [Fact]
    public void A_two_ball_elastic_collision_conserves_momentum_and_kinetic_energy()
    {
        var world = new BallWorld(Frictionless with { Gravity = 0 });
        var a = new Ball(300, 300, 150, 20, radius: 20, mass: 2);
        var b = new Ball(420, 310, -100, 0, radius: 15, mass: 0.7);
        world.Add(a);
        world.Add(b);
        var px = a.Mass * a.Vx + b.Mass * b.Vx;
        var py = a.Mass * a.Vy + b.Mass * b.Vy;
        var energy = a.KineticEnergy + b.KineticEnergy;
        var before = (a.Vx, b.Vx);
        for (var i = 0; i < 40; i++)
        {
            world.Step();
        }

        Assert.NotEqual(before, (a.Vx, b.Vx)); // they did collide (and never reached a wall in 40 steps)
        Assert.Equal(px, a.Mass * a.Vx + b.Mass * b.Vx, 9);
        Assert.Equal(py, a.Mass * a.Vy + b.Mass * b.Vy, 9);
        Assert.Equal(energy, a.KineticEnergy + b.KineticEnergy, 6);
    }

    [Fact]
    public void The_same_start_gives_the_same_bytes_and_a_different_start_different_bytes()
    {
        var first = Run(ThreeBalls(new PhysicsParameters(-700, 0.4, 0.6, 0.9)));
        var again = Run(ThreeBalls(new PhysicsParameters(-700, 0.4, 0.6, 0.9)));
        var other = Run(ThreeBalls(new PhysicsParameters(-700, 0.4, 0.6, 0.91)));

        Assert.Equal(SHA256.HashData(first), SHA256.HashData(again));
        Assert.NotEqual(SHA256.HashData(first), SHA256.HashData(other));

        static byte[] Run(BallWorld world)
        {
            var bytes = new List<byte>();
            for (var i = 0; i < 500; i++)
            {
                world.Step();
                foreach (var ball in world.Balls)
                {
                    bytes.AddRange(BitConverter.GetBytes(ball.X));
                    bytes.AddRange(BitConverter.GetBytes(ball.Vy));
                }
            }

            return [.. bytes];
        }
    }

    private static BallWorld ThreeBalls(PhysicsParameters parameters)
    {
        var world = new BallWorld(parameters);
        world.Add(new Ball(200, 400, 180, -50, radius: 25, mass: 1.8));
        world.Add(new Ball(500, 300, -120, 90, radius: 15, mass: 0.6));
        world.Add(new Ball(650, 150, 60, 160, radius: 20, mass: 1.1));
        return world;
    }

    private static BallWorld RandomWorld(Random random, PhysicsParameters parameters)
    {
        var world = new BallWorld(parameters);
        while (world.Balls.Count < 3)
        {
            var radius = 10 + (20 * random.NextDouble());
            var x = 30 + radius + ((740 - (2 * radius)) * random.NextDouble());
            var y = 30 + radius + ((540 - (2 * radius)) * random.NextDouble());
            if (world.Balls.Any(b => Math.Sqrt(((b.X - x) * (b.X - x)) + ((b.Y - y) * (b.Y - y))) < b.Radius + radius + 1))
            {
                continue;
            }

            var vx = 600 * ((2 * random.NextDouble()) - 1);
            var vy = 600 * ((2 * random.NextDouble()) - 1);
            world.Add(new Ball(x, y, vx, vy, radius, mass: 0.5 + (1.5 * random.NextDouble())));
        }

        return world;
    }

    private static double EnergyWithSpin(BallWorld world) =>
        TotalEnergy(world) + world.Balls.Sum(b => 0.25 * b.Mass * b.Radius * b.Radius * b.Spin * b.Spin);

    private static double TotalEnergy(BallWorld world) =>
        world.Balls.Sum(b => b.KineticEnergy + b.PotentialEnergy(world.Parameters.Gravity));
}
