namespace Touchstone.Torch.Optim;

/// <summary>Parameters that share hyperparameters, as an entry of optimizer.param_groups. Values left null take
/// the optimizer's defaults when it is created; all of them may be changed between steps.</summary>
/// <example><code>
/// var decay = model.NamedParameters().Where(p =&gt; p.Parameter.Dim &gt;= 2).Select(p =&gt; p.Parameter);
/// var noDecay = model.NamedParameters().Where(p =&gt; p.Parameter.Dim &lt; 2).Select(p =&gt; p.Parameter);
/// var optimizer = new AdamW([new ParamGroup(decay, weightDecay: 0.1), new ParamGroup(noDecay, weightDecay: 0)], lr: 6e-4);
/// </code></example>
public sealed class ParamGroup
{
    /// <summary>Groups parameters, optionally with their own learning rate and weight decay.</summary>
    public ParamGroup(IEnumerable<Tensor> parameters, double? lr = null, double? weightDecay = null)
    {
        Parameters = parameters.ToArray();
        LrOverride = lr;
        WeightDecayOverride = weightDecay;
    }

    internal double? LrOverride { get; }
    internal double? WeightDecayOverride { get; }

    /// <summary>The parameters of this group.</summary>
    public IReadOnlyList<Tensor> Parameters { get; }
    /// <summary>The learning rate (schedulers change it).</summary>
    public double Lr { get; set; }
    /// <summary>The learning rate when the optimizer was created: the base that schedulers scale.</summary>
    public double InitialLr { get; internal set; }
    /// <summary>Weight decay (L2 in SGD and Adam, decoupled in AdamW).</summary>
    public double WeightDecay { get; set; }
    /// <summary>Adam's β₁.</summary>
    public double Beta1 { get; set; }
    /// <summary>Adam's β₂.</summary>
    public double Beta2 { get; set; }
    /// <summary>Adam's ε.</summary>
    public double Eps { get; set; }
    /// <summary>SGD's momentum.</summary>
    public double Momentum { get; set; }
    /// <summary>SGD's dampening.</summary>
    public double Dampening { get; set; }
    /// <summary>SGD's Nesterov momentum.</summary>
    public bool Nesterov { get; set; }
    /// <summary>Maximise the objective instead of minimising it.</summary>
    public bool Maximize { get; set; }
}
