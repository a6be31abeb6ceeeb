using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Touchstone.Suites.Scan;
using Touchstone.Torch;

namespace Touchstone.Benchmarks;

/// <summary>
/// One Lake &amp; Baroni SCAN trial as the scan experiment runs it (<see cref="ScanTrial"/>), with the shapes of
/// reference/pytorch_seq2seq.py case scan-lstm: 2×200 LSTM encoder–decoder, dropout 0.5, batch 1, a 10-token command
/// (vocabulary 14), a 26-token target (vocabulary 9), teacher forcing, Adam lr 1e-3, clip 5, one intra-op thread.
/// <c>Stepwise</c> decodes one step per call as the reference does; <c>Fused</c> decodes the teacher-forced target
/// in one LSTM call per layer, as the experiment does; <c>FreeRunning</c> is the other half of the trials.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class ScanTrialBenchmarks
{
    private Generator _init = null!, _dropout = null!;
    private ScanModel _model = null!;
    private ScanTrial _trial = null!;
    private Tensor _command = null!, _actions = null!;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.NumThreads = 1;
        _init = new Generator(0);
        _dropout = new Generator(1);
        _model = new ScanModel(new ScanModelConfig(200, 200, 2, 0.5), inputVocabulary: 14, outputVocabulary: 9, _init, _dropout);
        _trial = new ScanTrial(_model, lr: 1e-3, clipNorm: 5.0);
        _command = Tensor.Randint(0, 14, [10, 1], generator: _init).DetachFromDisposeScope();
        _actions = Tensor.Randint(0, 9, [26, 1], generator: _init).DetachFromDisposeScope();
    }

    [Benchmark(Baseline = true)]
    public float Stepwise() => _trial.Run(_command, _actions, teacherForced: true, stepwise: true);

    [Benchmark]
    public float Fused() => _trial.Run(_command, _actions, teacherForced: true);

    [Benchmark]
    public float FreeRunning() => _trial.Run(_command, _actions, teacherForced: false);

    [GlobalCleanup]
    public void Cleanup()
    {
        _trial.Dispose();
        _model.Dispose();
        _command.Dispose();
        _actions.Dispose();
        _init.Dispose();
        _dropout.Dispose();
    }

    /// <summary>Times the cases like pytorch_seq2seq.py (20 warm-up trials, then 300) with the same columns.</summary>
    public static void Time(TextWriter output)
    {
        var bench = new ScanTrialBenchmarks();
        bench.Setup();
        foreach (var (name, run) in new (string, Func<float>)[]
                 {
                     ("scan-lstm-2x200-b1", bench.Stepwise), ("scan-lstm-2x200-b1-fused", bench.Fused),
                     ("scan-lstm-2x200-b1-free", bench.FreeRunning),
                 })
        {
            for (var i = 0; i < 20; i++)
            {
                run();
            }
            const int trials = 300;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < trials; i++)
            {
                run();
            }
            var seconds = clock.Elapsed.TotalSeconds / trials;
            output.WriteLine($"{name}\t{1 / seconds:F1} trials/s\t{seconds * 1e6:F0} us/trial");
        }
        bench.Cleanup();
    }
}
