using Touchstone.Torch.Interop;

namespace Touchstone.Torch.Optim;

/// <summary>The base of SGD, Adam and AdamW. A step updates every parameter in one native call; the state
/// (moments, momentum) lives natively. SGD, and Adam/AdamW with <c>fused: false</c>, run the ATen op sequence of
/// torch.optim's single-tensor implementations and match PyTorch bit for bit; Adam/AdamW's default fused path
/// makes one pass per parameter instead of eight (same formulas, different rounding in the last bits, equally
/// deterministic).</summary>
public abstract class Optimizer : IDisposable
{
    private readonly OptimizerHandle _handle;
    private readonly ParamGroup[] _groups;
    private readonly Tensor[] _parameters;
    private readonly NativeMethods.GroupOptions[] _options;

    private protected Optimizer(int kind, IEnumerable<ParamGroup> paramGroups, double lr, double weightDecay, Action<ParamGroup> defaults, bool fused = false)
    {
        if (lr < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lr), lr, "the learning rate must not be negative");
        }
        _groups = paramGroups.ToArray();
        if (_groups.Length == 0)
        {
            throw new ArgumentException("the optimizer got no parameters", nameof(paramGroups));
        }
        var groupOf = new List<int>();
        var all = new List<Tensor>();
        for (var g = 0; g < _groups.Length; g++)
        {
            var group = _groups[g];
            group.Lr = group.InitialLr = group.LrOverride ?? lr;
            group.WeightDecay = group.WeightDecayOverride ?? weightDecay;
            defaults(group);
            foreach (var p in group.Parameters)
            {
                if (all.Contains(p))
                {
                    throw new ArgumentException("a parameter appears in more than one parameter group");
                }
                all.Add(p);
                groupOf.Add(g);
            }
        }
        if (all.Count == 0)
        {
            throw new ArgumentException("the optimizer got no parameters", nameof(paramGroups));
        }
        _parameters = all.ToArray();
        var raw = NativeMethods.ts_optim_create(kind, Native.Handles(_parameters), groupOf.ToArray(), _parameters.Length, fused);
        GC.KeepAlive(_parameters);
        if (raw == IntPtr.Zero)
        {
            throw new TorchException("optimizer", Native.LastError());
        }
        _handle = new OptimizerHandle(raw);
        _options = new NativeMethods.GroupOptions[_groups.Length];
    }

    private OptimizerHandle Handle => _handle.IsClosed ? throw new ObjectDisposedException(GetType().Name) : _handle;

    /// <summary>The parameter groups, whose hyperparameters may be changed between steps.</summary>
    public IReadOnlyList<ParamGroup> ParamGroups => _groups;

    /// <summary>Updates every parameter that has a gradient, as optimizer.step().</summary>
    public void Step()
    {
        for (var g = 0; g < _groups.Length; g++)
        {
            var group = _groups[g];
            _options[g] = new NativeMethods.GroupOptions
            {
                Lr = group.Lr, WeightDecay = group.WeightDecay, Beta1 = group.Beta1, Beta2 = group.Beta2, Eps = group.Eps,
                Momentum = group.Momentum, Dampening = group.Dampening, Nesterov = group.Nesterov ? 1 : 0, Maximize = group.Maximize ? 1 : 0,
            };
        }
        Native.Check(NativeMethods.ts_optim_step(Handle, _options, _options.Length), "optimizer.step");
    }

    /// <summary>Clears the gradients (or zeroes them in place), as optimizer.zero_grad(set_to_none).</summary>
    public void ZeroGrad(bool setToNone = true) =>
        Native.Check(NativeMethods.ts_optim_zero_grad(Handle, setToNone), "zero_grad");

    /// <summary>Clears (or zeroes) the gradients of any parameters.</summary>
    public static void ZeroGrad(IEnumerable<Tensor> parameters, bool setToNone = true)
    {
        var list = parameters.ToArray();
        var handles = Native.Handles(list);
        Native.Check(NativeMethods.ts_zero_grad(handles, handles.Length, setToNone), "zero_grad");
        GC.KeepAlive(list);
    }

    /// <summary>The state of the i-th parameter (in group order): its step count and its state tensors
    /// (Adam: exp_avg, exp_avg_sq; SGD: momentum_buffer), null before its first step. For checkpoints.</summary>
    public (long Step, Tensor? First, Tensor? Second) GetState(int index)
    {
        var (slot1, slot2) = StateSlots;
        Native.Check(NativeMethods.ts_optim_get_state(Handle, index, slot1, out var first, out var step), "optimizer state");
        var a = Native.WrapOptional(first);
        if (slot2 < 0)
        {
            return (step, a, null);
        }
        Native.Check(NativeMethods.ts_optim_get_state(Handle, index, slot2, out var second, out _), "optimizer state");
        return (step, a, Native.WrapOptional(second));
    }

    /// <summary>Restores the state of the i-th parameter taken with <see cref="GetState"/>.</summary>
    public void SetState(int index, long step, Tensor? first, Tensor? second = null)
    {
        var (slot1, slot2) = StateSlots;
        Native.Check(NativeMethods.ts_optim_set_state(Handle, index, slot1, first?.Handle ?? TensorHandle.Null, step), "optimizer state");
        if (slot2 >= 0)
        {
            Native.Check(NativeMethods.ts_optim_set_state(Handle, index, slot2, second?.Handle ?? TensorHandle.Null, step), "optimizer state");
        }
    }

    /// <summary>How many parameters the optimizer updates.</summary>
    public int ParameterCount => _parameters.Length;

    private protected abstract (int First, int Second) StateSlots { get; }

    /// <summary>Frees the native optimizer state.</summary>
    public void Dispose()
    {
        _handle.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Stochastic gradient descent with optional momentum, dampening, Nesterov and weight decay, as
/// torch.optim.SGD.</summary>
public sealed class SGD : Optimizer
{
    /// <summary>Optimises the parameters with the given hyperparameters.</summary>
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, momentum, dampening, weightDecay, nesterov, maximize) { }

    /// <summary>Optimises parameter groups; the arguments are the defaults for values a group leaves unset.</summary>
    public SGD(IEnumerable<ParamGroup> groups, double lr, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false, bool maximize = false)
        : base(0, groups, lr, weightDecay, g => { g.Momentum = momentum; g.Dampening = dampening; g.Nesterov = nesterov; g.Maximize = maximize; })
    {
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
    }

    private protected override (int First, int Second) StateSlots => (2, -1);
}

/// <summary>Adam, as torch.optim.Adam (weight decay added to the gradient, i.e. L2).</summary>
/// <example><code>
/// var optimizer = new Adam(model.Parameters(), lr: 1e-3);
/// optimizer.ZeroGrad(); loss.Backward(); optimizer.Step();
/// </code></example>
public sealed class Adam : Optimizer
{
    /// <summary>Optimises the parameters with the given hyperparameters.</summary>
    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, (double Beta1, double Beta2)? betas = null, double eps = 1e-8, double weightDecay = 0, bool maximize = false, bool fused = true)
        : this([new ParamGroup(parameters)], lr, betas, eps, weightDecay, maximize, fused) { }

    /// <summary>Optimises parameter groups; the arguments are the defaults for values a group leaves unset.</summary>
    public Adam(IEnumerable<ParamGroup> groups, double lr = 1e-3, (double Beta1, double Beta2)? betas = null, double eps = 1e-8, double weightDecay = 0, bool maximize = false, bool fused = true)
        : base(1, groups, lr, weightDecay, AdamDefaults(betas, eps, maximize), fused) { }

    internal static Action<ParamGroup> AdamDefaults((double Beta1, double Beta2)? betas, double eps, bool maximize)
    {
        var (b1, b2) = betas ?? (0.9, 0.999);
        if (b1 is < 0 or >= 1 || b2 is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(betas), betas, "betas must be in [0, 1)");
        }
        return g => { g.Beta1 = b1; g.Beta2 = b2; g.Eps = eps; g.Maximize = maximize; };
    }

    private protected override (int First, int Second) StateSlots => (0, 1);
}

/// <summary>AdamW: Adam with decoupled weight decay (parameters shrink by lr · weight_decay each step), as
/// torch.optim.AdamW (default weight decay 0.01).</summary>
public sealed class AdamW : Optimizer
{
    /// <summary>Optimises the parameters with the given hyperparameters.</summary>
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, (double Beta1, double Beta2)? betas = null, double eps = 1e-8, double weightDecay = 1e-2, bool maximize = false, bool fused = true)
        : this([new ParamGroup(parameters)], lr, betas, eps, weightDecay, maximize, fused) { }

    /// <summary>Optimises parameter groups; the arguments are the defaults for values a group leaves unset.</summary>
    public AdamW(IEnumerable<ParamGroup> groups, double lr = 1e-3, (double Beta1, double Beta2)? betas = null, double eps = 1e-8, double weightDecay = 1e-2, bool maximize = false, bool fused = true)
        : base(2, groups, lr, weightDecay, Adam.AdamDefaults(betas, eps, maximize), fused) { }

    private protected override (int First, int Second) StateSlots => (0, 1);
}
