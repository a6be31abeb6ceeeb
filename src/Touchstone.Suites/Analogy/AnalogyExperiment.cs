using System.Runtime.InteropServices;
using Touchstone.Core.Experiments;
using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Suites.Analogy;

/// <summary>
/// Emergent analogical reasoning in a small transformer (suite <c>analogy</c>): a GPT-2-like model learns atomic,
/// two-hop and functor facts over two categories of entities, and is tested on held-out compositions and held-out
/// analogies. Curves, every eval_every epochs (the x axis is the epoch): <c>train/loss</c> (mean minibatch loss
/// since the last point), <c>functor/dirichlet_energy</c> and, on every non-empty split, <c>ce</c>, <c>ppl</c>,
/// <c>acc</c> and <c>prob</c>. Finals per split: <c>n</c> (0 for an empty split, which gets nothing else), the
/// last evaluation's <c>ce</c>, <c>ppl</c>, <c>acc</c>, <c>prob</c>, the best <c>acc_peak</c> and
/// <c>emergence_epoch</c> (NaN if the split never reached training.emergence_acc); <c>functor/dirichlet_energy</c>.
/// </summary>
public sealed class AnalogyExperiment : Experiment<AnalogyConfig>
{
    /// <inheritdoc />
    public override string Key => "analogy";

    /// <inheritdoc />
    protected override void Run(ICellContext context, AnalogyConfig config)
    {
        config.Validate();
        var device = TorchCell.Begin(context);

        var graph = KnowledgeGraphBuilder.Build(config.Data);
        foreach (var split in Enum.GetValues<FactSplit>())
        {
            var facts = graph.Splits[split];
            context.AddData(AnalogyMetrics.Label(split), MemoryMarshal.AsBytes(facts.SelectMany(f => f.Tokens.Append(-1)).ToArray().AsSpan()));
            context.Message($"data {AnalogyMetrics.Label(split)}: {facts.Count} facts{(facts.Count == 0 ? " (empty: reported as n = 0, no scores)" : "")}");
        }
        context.Message($"vocabulary {graph.Vocabulary.Size}; E1 [{string.Join(", ", graph.E1)}]; F {string.Join(", ", graph.Functor.Select(p => $"{p.From}→{p.To}"))}");

        using var scope = DisposeScope.Begin();
        using var training = new CellTraining(context, config, graph, device);
        training.Train();
        training.ReportFinals();
    }

    /// <summary>The state of one cell's training: encoded facts, model, optimizer, batch order and the curves so far.</summary>
    private sealed class CellTraining : IDisposable
    {
        private readonly ICellContext _context;
        private readonly AnalogyTrainingConfig _training;
        private readonly KnowledgeGraph _graph;
        private readonly EncodedFacts _train;
        private readonly Dictionary<FactSplit, EncodedFacts> _splits;
        private readonly RandomStreams _streams;
        private readonly BatchOrder _order;
        private readonly AnalogyModel _model;
        private readonly Adam _optimizer;
        private readonly List<(int Epoch, SplitScore[] Scores, double Energy)> _evaluations = [];
        private bool _diverged;

        public CellTraining(ICellContext context, AnalogyConfig config, KnowledgeGraph graph, Device device)
        {
            _context = context;
            _training = config.Training;
            _graph = graph;
            _train = new EncodedFacts(graph.Train, device);
            _splits = Enum.GetValues<FactSplit>().ToDictionary(s => s, s => new EncodedFacts(graph.Splits[s], device));

            // The cell's seed alone decides initialisation and batch order, each from its own stream.
            _streams = new RandomStreams(context.Seed, device);
            _order = new BatchOrder(_train.Count, _training.BatchSize, dropLast: false, _streams.Batches);
            _model = new AnalogyModel(graph.Vocabulary.Size, config.Model, _streams.Init);
            _model.To(device);
            // torch.optim.Adam: weight decay is L2 added to the gradient, not AdamW's decoupled decay.
            _optimizer = new Adam(_model.Parameters(), _training.Lr, weightDecay: _training.WeightDecay);
        }

        /// <summary>Shuffled minibatches (last partial batch kept) for every epoch; evaluation every eval_every epochs and at the last.</summary>
        public void Train()
        {
            var stepsPerEpoch = _order.BatchesPerEpoch;
            var totalSteps = (long)stepsPerEpoch * _training.Epochs;
            // Evaluation is scheduled in epochs, the unit of the source's log and of the emergence epochs.
            var schedule = EvalSchedule.Every(_training.EvalEvery, _training.Epochs);
            var progress = new CellProgress(_context, totalSteps);
            _context.Message($"training: {_train.Count} facts, {_training.Epochs} epochs × {stepsPerEpoch} steps = {totalSteps} steps, evaluation every {_training.EvalEvery} epochs");

            long step = 0;
            double lossSum = 0;
            var lossCount = 0;
            for (var epoch = 1; epoch <= _training.Epochs; epoch++)
            {
                foreach (var indices in _order.Epoch())
                {
                    step++;
                    var size = indices.Length;
                    var loss = Step(indices);
                    if (!float.IsFinite(loss))
                    {
                        _context.Message($"training diverged: the loss is {loss} at step {step} (epoch {epoch})");
                        _context.Log(epoch, "train", "loss", loss);
                        _diverged = true;
                        return;
                    }
                    // The source's epoch loss weighs each batch by its size.
                    lossSum += (double)loss * size;
                    lossCount += size;
                    progress.Step();
                }
                if (schedule.IsDue(epoch))
                {
                    _context.Log(epoch, "train", "loss", lossSum / lossCount);
                    (lossSum, lossCount) = (0, 0);
                    Evaluate(epoch);
                }
            }
        }

        /// <summary>Finals of every split and the functor's Dirichlet energy (NaN when training diverged).</summary>
        public void ReportFinals()
        {
            foreach (var split in Enum.GetValues<FactSplit>())
            {
                var label = AnalogyMetrics.Label(split);
                _context.Final(label, "n", _splits[split].Count);
                if (_splits[split].Count == 0)
                {
                    continue;
                }
                var last = _diverged || _evaluations.Count == 0 ? null : _evaluations[^1].Scores[(int)split];
                _context.Final(label, "ce", last?.Ce ?? double.NaN);
                _context.Final(label, "ppl", last?.Ppl ?? double.NaN);
                _context.Final(label, "acc", last?.Acc ?? double.NaN);
                _context.Final(label, "prob", last?.Prob ?? double.NaN);
                var curve = _evaluations.Select(e => (e.Epoch, e.Scores[(int)split].Acc)).ToArray();
                _context.Final(label, "acc_peak", _diverged || curve.Length == 0 ? double.NaN : curve.Max(p => p.Acc));
                if (_diverged)
                {
                    _context.Final(label, "emergence_epoch", double.NaN);
                    continue;
                }
                // A split that never got there has no emergence epoch (a NaN would mark the cell diverged): it
                // reports emerged = 0 and leaves emergence_epoch out.
                var emergence = AnalogyMetrics.EmergenceEpoch(curve, _training.EmergenceAcc);
                _context.Final(label, "emerged", emergence is null ? 0 : 1);
                if (emergence is { } epoch)
                {
                    _context.Final(label, "emergence_epoch", epoch);
                }
                else
                {
                    _context.Message($"{label}: ACC never reached {_training.EmergenceAcc} in {_training.Epochs} epochs (emerged = 0, no emergence_epoch)");
                }
            }
            _context.Final("functor", "dirichlet_energy", _diverged || _evaluations.Count == 0 ? double.NaN : _evaluations[^1].Energy);
        }

        private float Step(long[] indices)
        {
            using var scope = DisposeScope.Begin();
            var batch = _train.Rows(Tensor.From(indices, [indices.Length]));
            var loss = F.CrossEntropy(_model.LastLogits(batch.Tokens, batch.Last), batch.Targets);
            _optimizer.ZeroGrad();
            loss.Backward();
            _optimizer.Step();
            return loss.Item<float>();
        }

        private void Evaluate(int epoch)
        {
            var scores = Enum.GetValues<FactSplit>().Select(Score).ToArray();
            var energy = DirichletEnergy();
            _evaluations.Add((epoch, scores, energy));
            foreach (var score in scores.Where(s => s.Count > 0))
            {
                var label = AnalogyMetrics.Label(score.Split);
                _context.Log(epoch, label, "ce", score.Ce);
                _context.Log(epoch, label, "ppl", score.Ppl);
                _context.Log(epoch, label, "acc", score.Acc);
                _context.Log(epoch, label, "prob", score.Prob);
            }
            _context.Log(epoch, "functor", "dirichlet_energy", energy);
        }

        private SplitScore Score(FactSplit split)
        {
            var facts = _splits[split];
            var ce = new List<float>(facts.Count);
            var correct = new List<bool>(facts.Count);
            var prob = new List<float>(facts.Count);
            using var noGrad = Autograd.NoGrad();
            _model.Eval();
            try
            {
                // Chunks bound the (rows × vocabulary) logits of large graphs.
                const int chunk = 1024;
                for (var start = 0; start < facts.Count; start += chunk)
                {
                    using var scope = DisposeScope.Begin();
                    var rows = facts.Rows(Tensor.Arange(start, Math.Min(start + chunk, facts.Count), 1, DType.Int64, facts.Tokens.Device));
                    var logits = _model.LastLogits(rows.Tokens, rows.Last);
                    var target = rows.Targets.Unsqueeze(1);
                    ce.AddRange(F.CrossEntropy(logits, rows.Targets, reduction: Reduction.None).Cpu().ToArray<float>());
                    correct.AddRange(logits.ArgMax(1).Eq(rows.Targets).Cpu().ToArray<bool>());
                    prob.AddRange(logits.Softmax(1).Gather(1, target).Squeeze(1).Cpu().ToArray<float>());
                }
            }
            finally
            {
                _model.Train();
            }
            return SplitScore.Mean(split, ce, correct, prob);
        }

        private double DirichletEnergy()
        {
            using var scope = DisposeScope.Begin();
            using var noGrad = Autograd.NoGrad();
            var embeddings = _model.Embeddings.Cpu().ToArray<float>();
            return AnalogyMetrics.DirichletEnergy(embeddings, (int)_model.Embeddings.Shape[1], _graph.Functor);
        }

        public void Dispose()
        {
            _optimizer.Dispose();
            _model.Dispose();
            _streams.Dispose();
            _train.Dispose();
            foreach (var split in _splits.Values)
            {
                split.Dispose();
            }
        }
    }
}

/// <summary>
/// Facts as the source's collate_pad makes them: the input (all tokens but the target) right-padded with id 0 to
/// the longest input, the position of its last token, and the target.
/// </summary>
internal sealed class EncodedFacts : IDisposable
{
    public EncodedFacts(IReadOnlyList<Fact> facts, Device device)
    {
        Count = facts.Count;
        var width = Math.Max(1, facts.Count == 0 ? 1 : facts.Max(f => f.Tokens.Length - 1));
        var tokens = new long[Count * width];
        var last = new long[Count];
        var targets = new long[Count];
        for (var i = 0; i < Count; i++)
        {
            var input = facts[i].Tokens.AsSpan(0, facts[i].Tokens.Length - 1);
            for (var j = 0; j < input.Length; j++)
            {
                tokens[i * width + j] = input[j];
            }
            last[i] = input.Length - 1;
            targets[i] = facts[i].Target;
        }
        Tokens = Tensor.From(tokens, [Count, width], device).DetachFromDisposeScope();
        Last = Tensor.From(last, [Count], device).DetachFromDisposeScope();
        Targets = Tensor.From(targets, [Count], device).DetachFromDisposeScope();
    }

    private EncodedFacts(Tensor tokens, Tensor last, Tensor targets)
    {
        (Tokens, Last, Targets, Count) = (tokens, last, targets, (int)last.Shape[0]);
    }

    public int Count { get; }

    /// <summary>(N, L) input ids.</summary>
    public Tensor Tokens { get; }

    /// <summary>(N) index of each row's last input token.</summary>
    public Tensor Last { get; }

    /// <summary>(N) target ids.</summary>
    public Tensor Targets { get; }

    /// <summary>The rows at <paramref name="indices"/> (tensors owned by the current dispose scope).</summary>
    public EncodedFacts Rows(Tensor indices)
    {
        var index = indices.To(Tokens.Device);
        return new EncodedFacts(Tokens.IndexSelect(0, index), Last.IndexSelect(0, index), Targets.IndexSelect(0, index));
    }

    public void Dispose()
    {
        Tokens.Dispose();
        Last.Dispose();
        Targets.Dispose();
    }
}
