namespace Touchstone.Cli.Scaffold;

/// <summary>The files <c>touchstone new suite</c> writes; <c>__name__</c> and <c>__Name__</c> become the suite's names.</summary>
internal static class SuiteTemplates
{
    public const string Config = """
        using Touchstone.Suites.Common;

        namespace Touchstone.Suites.__Name__;

        /// <summary>
        /// Config of the <c>__name__</c> experiment. Every default is the protocol (say where each value comes from:
        /// file and commit of the source); the suite file sets only what its variants and profiles change, and the
        /// config hash covers every key.
        /// </summary>
        public sealed record __Name__Config
        {
            /// <summary>What is generated.</summary>
            public __Name__DataConfig Data { get; init; } = new();

            /// <summary>The optimizer loop and its evaluation schedule.</summary>
            public __Name__TrainingConfig Training { get; init; } = new();

            /// <summary>Checks what binding cannot; throws <see cref="ConfigException"/> naming every broken key.</summary>
            public void Validate() => ConfigCheck.Validate("__name__", check =>
            {
                Data.Validate(check.At("data"));
                Training.Validate(check.At("training"));
            });
        }

        /// <summary>A noisy linear target y = x·w + ε with x, w ~ N(0, 1) and ε ~ N(0, noise²).</summary>
        public sealed record __Name__DataConfig
        {
            /// <summary>Input features. Default 8.</summary>
            public int Features { get; init; } = 8;

            /// <summary>Training examples. Default 512.</summary>
            public int NTrain { get; init; } = 512;

            /// <summary>Test examples. Default 256.</summary>
            public int NTest { get; init; } = 256;

            /// <summary>Standard deviation of the label noise. Default 0.1.</summary>
            public double Noise { get; init; } = 0.1;

            /// <summary>Seed of the data, the same for every training seed. Default 42.</summary>
            public long DataSeed { get; init; } = 42;

            /// <summary>Checks the sizes and the noise.</summary>
            public void Validate(ConfigCheck check) =>
                check.Positive("features", Features).Positive("n_train", NTrain).Positive("n_test", NTest).NonNegative("noise", Noise);
        }

        /// <summary>Minibatch SGD on the mean squared error.</summary>
        public sealed record __Name__TrainingConfig
        {
            /// <summary>Learning rate. Default 0.05.</summary>
            public double Lr { get; init; } = 0.05;

            /// <summary>Optimizer steps. Default 300.</summary>
            public int Steps { get; init; } = 300;

            /// <summary>Examples per minibatch. Default 32.</summary>
            public int BatchSize { get; init; } = 32;

            /// <summary>Steps between evaluations logged as curves (and the last step). Default 50.</summary>
            public int EvalEvery { get; init; } = 50;

            /// <summary>Checks the loop's sizes and rate.</summary>
            public void Validate(ConfigCheck check) =>
                check.Positive("lr", Lr).Positive("steps", Steps).Positive("batch_size", BatchSize).Positive("eval_every", EvalEvery);
        }
        """;

    public const string Experiment = """
        using System.Runtime.InteropServices;
        using Touchstone.Core.Experiments;
        using Touchstone.Suites.Common;
        using Touchstone.Torch;
        using Touchstone.Torch.NN;
        using Touchstone.Torch.Optim;

        namespace Touchstone.Suites.__Name__;

        /// <summary>
        /// The <c>__name__</c> suite: a linear model fitted by minibatch SGD to a noisy linear target. Curves:
        /// <c>train/loss</c> and <c>test/mse</c>; finals: <c>train/mse</c> and <c>test/mse</c>. Replace the data, the
        /// model and the loop with the protocol of your source, keeping the shape: validate, begin, data, streams,
        /// loop, finals.
        /// </summary>
        public sealed class __Name__Experiment : Experiment<__Name__Config>
        {
            /// <inheritdoc />
            public override string Key => "__name__";

            /// <inheritdoc />
            protected override void Run(ICellContext context, __Name__Config config)
            {
                config.Validate();
                var device = TorchCell.Begin(context);

                // Data: from the config's data seed alone (every training seed sees the same data), hashed.
                var data = config.Data;
                var random = new SeededRandom((ulong)data.DataSeed);
                var weights = Draw(random.Fork("weights"), data.Features, 0);
                var (trainX, trainY) = Examples(random.Fork("train"), weights, data.NTrain, data.Noise);
                var (testX, testY) = Examples(random.Fork("test"), weights, data.NTest, data.Noise);
                context.AddData("train.x", MemoryMarshal.AsBytes(trainX.AsSpan()));
                context.AddData("train.y", MemoryMarshal.AsBytes(trainY.AsSpan()));
                context.AddData("test.x", MemoryMarshal.AsBytes(testX.AsSpan()));
                context.AddData("test.y", MemoryMarshal.AsBytes(testY.AsSpan()));

                using var scope = DisposeScope.Begin();
                var xTrain = Tensor.From(trainX, [data.NTrain, data.Features], device);
                var yTrain = Tensor.From(trainY, [data.NTrain, 1], device);
                var xTest = Tensor.From(testX, [data.NTest, data.Features], device);
                var yTest = Tensor.From(testY, [data.NTest, 1], device);

                // Model, optimizer, batch order, schedule and progress: each from the kit, each seeded by purpose.
                var training = config.Training;
                using var streams = new RandomStreams(context.Seed, device);
                using var model = new Linear(data.Features, 1, generator: streams.Init);
                model.To(device);
                using var optimizer = new SGD(model.Parameters(), lr: training.Lr);
                var order = new BatchOrder(data.NTrain, training.BatchSize, dropLast: false, streams.Batches);
                var schedule = EvalSchedule.Every(training.EvalEvery, training.Steps);
                var progress = new CellProgress(context, training.Steps);
                for (var step = 1; step <= training.Steps; step++)
                {
                    using var stepScope = DisposeScope.Begin();
                    var index = Tensor.From(order.Next(), device);
                    var loss = F.MseLoss(model.Forward(xTrain.IndexSelect(0, index)), yTrain.IndexSelect(0, index));
                    optimizer.ZeroGrad();
                    loss.Backward();
                    optimizer.Step();
                    if (schedule.IsDue(step))
                    {
                        context.Log(step, "train", "loss", loss.Item<double>());
                        context.Log(step, "test", "mse", Mse(model, xTest, yTest));
                    }
                    progress.Step();
                }
                context.Final("train", "mse", Mse(model, xTrain, yTrain));
                context.Final("test", "mse", Mse(model, xTest, yTest));
            }

            private static double Mse(Linear model, Tensor x, Tensor y)
            {
                using var scope = DisposeScope.Begin();
                using var noGrad = Autograd.NoGrad();
                return F.MseLoss(model.Forward(x), y).Item<double>();
            }

            private static float[] Draw(SeededRandom random, int count, double noise) =>
                Enumerable.Range(0, count).Select(_ => (float)(noise > 0 ? random.Normal(0, noise) : random.Normal())).ToArray();

            // x ~ N(0, 1) row by row, y = x·w + N(0, noise²), in float32 as the model sees them.
            private static (float[] X, float[] Y) Examples(SeededRandom random, float[] weights, int count, double noise)
            {
                var x = Draw(random, count * weights.Length, 0);
                var y = new float[count];
                for (var i = 0; i < count; i++)
                {
                    var sum = 0.0;
                    for (var j = 0; j < weights.Length; j++)
                    {
                        sum += x[i * weights.Length + j] * (double)weights[j];
                    }
                    y[i] = (float)(sum + noise * random.Normal());
                }
                return (x, y);
            }
        }
        """;

    public const string SuiteFile = """
        # The __name__ suite: describe the question it answers in one or two lines. Protocol, variants, metrics and
        # results belong in docs/suites/__name__.md; every config key is documented on its C# record
        # (src/Touchstone.Suites/__Name__/__Name__Config.cs).
        name: __name__
        experiment: __name__
        description: A linear model fitted by SGD to a noisy linear target (replace with what the suite reproduces)
        source: name the repository, files and commit the protocol comes from
        config: {}
        variants:
          default:
            description: The protocol as the config record's defaults state it
          small-lr:
            description: A tenth of the learning rate
            training.lr: 0.005
        profiles:
          smoke:
            description: CPU, seconds per cell; gated on every pull request
            seeds: [0, 1, 2]
            overrides: { training.steps: 100 }
          nightly:
            description: The source's protocol
            seeds: [0, 1, 2, 3, 4]
          full:
            description: Every variant, ten seeds
            seeds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        metrics:
          - { name: mse, split: test, direction: lower, gate: { margin: 20% } }
          - { name: mse, split: train, direction: lower }
        """;

    public const string Tests = """
        using System.Text.Json;
        using System.Text.Json.Nodes;
        using Touchstone.Core.Declarations;
        using Touchstone.Core.Experiments;
        using Touchstone.Suites.Common;
        using Touchstone.Suites.__Name__;
        using Touchstone.Suites.Tests.Support;
        using Touchstone.Testing;

        namespace Touchstone.Suites.Tests.__Name__;

        public sealed class __Name__ExperimentTests
        {
            private static readonly __Name__Config Short = new() { Training = new __Name__TrainingConfig { Steps = 100 } };

            private static RecordingCellContext Run(__Name__Config config, int seed = 0)
            {
                var context = new RecordingCellContext((JsonObject)JsonSerializer.SerializeToNode(config, ResolvedConfig.BindingOptions)!, seed);
                new __Name__Experiment().Run(context);
                return context;
            }

            [Fact]
            public void A_short_run_learns_the_target_far_below_the_variance_of_the_labels()
            {
                using var context = Run(Short);

                // The labels' variance is about the number of features (8); the noise floor is 0.1² = 0.01.
                Assert.InRange(context.Final("test", "mse"), 0, 0.5);
                Assert.True(context.Curve("train", "loss")[0].Value > context.Curve("train", "loss")[^1].Value);
            }

            [Fact]
            public void The_same_seed_gives_bit_identical_numbers_and_another_seed_the_same_data()
            {
                using var first = Run(Short);
                using var again = Run(Short);
                using var other = Run(Short, seed: 1);

                Assert.Equal(first.Finals, again.Finals);
                Assert.Equal(first.DataHash, other.DataHash);
                Assert.NotEqual(first.Final("test", "mse"), other.Final("test", "mse"));
            }

            [Fact]
            public void A_bad_value_is_reported_with_its_key()
            {
                var error = Assert.Throws<ConfigException>(() => Run(Short with { Training = Short.Training with { Lr = 0 } }));

                Assert.Contains("training.lr", error.Message);
            }

            [Fact]
            public void The_suite_file_is_valid_and_every_declared_metric_is_recorded()
            {
                var suite = new SuiteLoader(new ExperimentRegistry().Add<__Name__Experiment>()).Load(RepoPaths.Combine("suites", "__name__.yaml"));
                using var context = Run(Short);

                Assert.All(suite.Declaration.Metrics, m => Assert.Contains(context.Finals, f => f.Split == m.Split && f.Metric == m.Name));
            }
        }
        """;
}
