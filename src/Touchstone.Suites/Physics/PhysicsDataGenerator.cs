using Touchstone.Suites.Common;

namespace Touchstone.Suites.Physics;

/// <summary>
/// The source's data (experiments/01_physics_worlds/improved_data_generator.py at 3d0ae4f, run by
/// generate_improved_datasets.py's quick mode and cut by train_progressive_paperspace.py at ddf0424): per
/// trajectory, physics parameters drawn for its split, then per ball x ~ U(50, 750), y ~ U(100, 550),
/// vx, vy ~ U(−200, 200), radius ~ U(10, 30), mass ~ U(0.5, 2), simulated in <see cref="BallWorld"/> and recorded
/// before every step. Splits: train and in-distribution uniform in the training ranges; interpolation on a grid of
/// ⌈n^¼⌉ values per parameter over the training ranges, n of its points taken at random; extrapolation n/8
/// trajectories per parameter and band, that parameter uniform in the band, the others at the training centre.
/// Each split draws from its own <see cref="SeededRandom"/> fork of the data seed, parameters and balls from
/// separate streams, so a split's size never shifts another split's draws.
/// </summary>
public static class PhysicsDataGenerator
{
    private static readonly WorldGeometry Geometry = new();

    /// <summary>Generates all four splits.</summary>
    public static PhysicsDataset Generate(PhysicsDataConfig config)
    {
        var root = new SeededRandom((ulong)config.DataSeed);
        return new PhysicsDataset(
            Simulate("train", Uniform(config.TrainSamples, root.Fork("train/parameters")), root.Fork("train/balls"), config),
            Simulate("in_distribution", Uniform(config.InDistributionSamples, root.Fork("in_distribution/parameters")), root.Fork("in_distribution/balls"), config),
            Simulate("interpolation", Grid(config.InterpolationSamples, root.Fork("interpolation/parameters")), root.Fork("interpolation/balls"), config),
            Simulate("extrapolation", OneAtATime(config.ExtrapolationSamples, root.Fork("extrapolation/parameters")), root.Fork("extrapolation/balls"), config));
    }

    /// <summary>Parameters uniform in the training ranges, drawn in the source's order.</summary>
    public static PhysicsParameters[] Uniform(int count, SeededRandom random)
    {
        var train = ParameterRanges.Train;
        return [.. Enumerable.Range(0, count).Select(_ => new PhysicsParameters(
            random.Uniform(train[0].Low, train[0].High),
            random.Uniform(train[1].Low, train[1].High),
            random.Uniform(train[2].Low, train[2].High),
            random.Uniform(train[3].Low, train[3].High)))];
    }

    /// <summary>
    /// The source's grid (sklearn ParameterGrid over np.linspace per parameter, then random.sample when the grid is
    /// larger than <paramref name="count"/>). Values per parameter = the smallest k with k⁴ ≥ count, which is
    /// ⌈count^¼⌉ without floating-point rounding.
    /// </summary>
    public static PhysicsParameters[] Grid(int count, SeededRandom random)
    {
        var perAxis = 1;
        while ((long)perAxis * perAxis * perAxis * perAxis < count)
        {
            perAxis++;
        }

        var axes = ParameterRanges.Train.Select(range => Linspace(range, perAxis)).ToArray();
        var grid = new List<PhysicsParameters>();
        foreach (var g in axes[0])
        {
            foreach (var f in axes[1])
            {
                foreach (var e in axes[2])
                {
                    foreach (var d in axes[3])
                    {
                        grid.Add(new PhysicsParameters(g, f, e, d));
                    }
                }
            }
        }

        random.Shuffle(grid);
        return [.. grid.Take(count)];
    }

    /// <summary>
    /// The source's extrapolation configurations: for each parameter and each of its two bands, count/8 draws of
    /// that parameter in the band with the others at <see cref="ParameterRanges.Centre"/>. The source fills a
    /// remainder with every parameter drawn from a band at once; requiring a multiple of 8 leaves no remainder.
    /// </summary>
    public static PhysicsParameters[] OneAtATime(int count, SeededRandom random)
    {
        if (count % 8 != 0)
        {
            throw new ArgumentException($"physics-curriculum: data.extrapolation_samples must be a multiple of 8 (4 parameters × 2 bands), got {count}.", nameof(count));
        }

        var result = new List<PhysicsParameters>(count);
        for (var parameter = 0; parameter < 4; parameter++)
        {
            var (below, above) = ParameterRanges.Extrapolation[parameter];
            foreach (var band in new[] { below, above })
            {
                for (var i = 0; i < count / 8; i++)
                {
                    result.Add(ParameterRanges.With(ParameterRanges.Centre, parameter, random.Uniform(band.Low, band.High)));
                }
            }
        }

        return [.. result];
    }

    /// <summary>Simulates one trajectory per parameter set and cuts it into input and target windows.</summary>
    public static PhysicsSplit Simulate(string name, PhysicsParameters[] parameters, SeededRandom balls, PhysicsDataConfig config)
    {
        var starts = DrawStarts(parameters.Length, balls, config);
        var inputs = new float[parameters.Length * config.InputFrames * config.Features];
        var targets = new float[parameters.Length * config.OutputFrames * config.Features];
        for (var n = 0; n < parameters.Length; n++)
        {
            SimulateInto(parameters[n], starts[n], config, inputs.AsSpan(n * config.InputFrames * config.Features), targets.AsSpan(n * config.OutputFrames * config.Features));
        }

        return new PhysicsSplit(name, inputs, targets, parameters);
    }

    /// <summary>
    /// The training trajectories' initial balls, exactly as <see cref="Generate"/> drew them, so that a trajectory can
    /// be simulated again under other physics (domain randomization).
    /// </summary>
    public static BallStart[][] TrainingStarts(PhysicsDataConfig config) =>
        DrawStarts(config.TrainSamples, new SeededRandom((ulong)config.DataSeed).Fork("train/balls"), config);

    /// <summary>
    /// Simulates one trajectory from <paramref name="start"/> under <paramref name="parameters"/> and writes its input
    /// frames to the start of <paramref name="inputs"/> and its target frames to the start of <paramref name="targets"/>.
    /// </summary>
    public static void SimulateInto(PhysicsParameters parameters, IReadOnlyList<BallStart> start, PhysicsDataConfig config, Span<float> inputs, Span<float> targets)
    {
        var features = config.Features;
        var world = new BallWorld(parameters, Geometry);
        foreach (var ball in start)
        {
            world.Add(ball.ToBall());
        }

        var frame = new float[features];
        for (var t = 0; t < config.Frames; t++)
        {
            TrajectoryFeatures.Write(world, frame);
            var destination = t < config.InputFrames ? inputs[(t * features)..] : targets[((t - config.InputFrames) * features)..];
            frame.CopyTo(destination[..features]);
            world.Step();
        }
    }

    // Every trajectory's balls are drawn before the next trajectory's, and nothing else reads the stream.
    private static BallStart[][] DrawStarts(int count, SeededRandom balls, PhysicsDataConfig config) =>
        [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, config.Balls).Select(_ => RandomBall(balls)).ToArray())];

    private static BallStart RandomBall(SeededRandom random)
    {
        // Keyword arguments evaluate in order in the source: x, y, vx, vy, radius, mass.
        var x = random.Uniform(50, Geometry.Width - 50);
        var y = random.Uniform(100, Geometry.Height - 50);
        var vx = random.Uniform(-200, 200);
        var vy = random.Uniform(-200, 200);
        var radius = random.Uniform(10, 30);
        var mass = random.Uniform(0.5, 2.0);
        return new BallStart(x, y, vx, vy, radius, mass);
    }

    // np.linspace: start + i·step with step = (stop − start)/(num − 1), and the last point exactly stop.
    private static double[] Linspace(Interval range, int count)
    {
        if (count == 1)
        {
            return [range.Low];
        }

        var step = (range.High - range.Low) / (count - 1);
        return [.. Enumerable.Range(0, count).Select(i => i == count - 1 ? range.High : (i * step) + range.Low)];
    }
}
