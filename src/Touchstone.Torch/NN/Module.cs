namespace Touchstone.Torch.NN;

/// <summary>The base of every layer and model, as torch.nn.Module: named parameters, buffers and sub-modules
/// (registered explicitly, in order), train/eval mode, device and dtype moves, and state dicts.</summary>
/// <example><code>
/// sealed class Mlp : Module&lt;Tensor, Tensor&gt;
/// {
///     private readonly Linear _fc1, _fc2;
///     public Mlp(int inputs, int hidden, int outputs)
///     {
///         _fc1 = RegisterModule("fc1", new Linear(inputs, hidden));
///         _fc2 = RegisterModule("fc2", new Linear(hidden, outputs));
///     }
///     public override Tensor Forward(Tensor x) =&gt; _fc2.Forward(_fc1.Forward(x).Relu());
/// }
/// </code></example>
public abstract class Module : IDisposable
{
    private readonly List<(string Name, Parameter? Value)> _parameters = new();
    private readonly List<(string Name, Tensor? Value)> _buffers = new();
    private readonly List<(string Name, Module Value)> _children = new();

    /// <summary>Whether the module is in training mode (dropout active), as module.training.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Registers a sub-module under a name and returns it.</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        CheckName(name);
        _children.Add((name, module));
        return module;
    }

    /// <summary>Registers a parameter (null for an absent one, e.g. no bias) and returns it.</summary>
    protected Parameter? RegisterParameter(string name, Parameter? parameter)
    {
        CheckName(name);
        _parameters.Add((name, parameter));
        return parameter;
    }

    /// <summary>Registers a parameter made from a tensor and returns it.</summary>
    protected Parameter RegisterParameter(string name, Tensor data) => RegisterParameter(name, new Parameter(data))!;

    /// <summary>Registers a buffer: state saved in the state dict and moved with the module, but not trained
    /// (e.g. running statistics). It leaves any dispose scope.</summary>
    protected Tensor RegisterBuffer(string name, Tensor buffer)
    {
        CheckName(name);
        _buffers.Add((name, buffer.DetachFromDisposeScope()));
        return buffer;
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
        {
            throw new ArgumentException($"'{name}' is not a valid member name: use a non-empty name without dots", nameof(name));
        }
        if (_parameters.Any(p => p.Name == name) || _buffers.Any(b => b.Name == name) || _children.Any(c => c.Name == name))
        {
            throw new ArgumentException($"{GetType().Name} already has a member named '{name}'", nameof(name));
        }
    }

    /// <summary>Direct sub-modules with their names.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => _children.Select(c => (c.Name, c.Value));

    /// <summary>Every parameter of this module and its descendants with its dotted name, as named_parameters().</summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters(bool recurse = true) =>
        Named(m => m._parameters, recurse);

    /// <summary>Every parameter, in registration order, as parameters().</summary>
    public IEnumerable<Parameter> Parameters(bool recurse = true) => NamedParameters(recurse).Select(p => p.Parameter);

    /// <summary>Every buffer of this module and its descendants with its dotted name.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers(bool recurse = true) =>
        Named(m => m._buffers, recurse);

    // Own members first, then each child's with the child's name as a prefix; absent (null) members are skipped.
    private IEnumerable<(string, T)> Named<T>(Func<Module, List<(string Name, T? Value)>> members, bool recurse) where T : class
    {
        foreach (var (name, value) in members(this))
        {
            if (value != null)
            {
                yield return (name, value);
            }
        }
        if (!recurse)
        {
            yield break;
        }
        foreach (var (prefix, child) in _children)
        {
            foreach (var (name, value) in child.Named(members, true))
            {
                yield return ($"{prefix}.{name}", value);
            }
        }
    }

    /// <summary>Sets training mode on this module and every descendant, as module.train(mode).</summary>
    public Module Train(bool mode = true)
    {
        Training = mode;
        foreach (var (_, child) in _children)
        {
            child.Train(mode);
        }
        return this;
    }

    /// <summary>Sets evaluation mode (dropout off), as module.eval().</summary>
    public Module Eval() => Train(false);

    /// <summary>Moves every parameter and buffer to a device in place (their identity is kept, so optimizers
    /// created before still see them), as module.to(device).</summary>
    public Module To(Device device) => Convert(t => t.To(device));

    /// <summary>Converts the floating-point parameters and buffers to a dtype in place, as module.to(dtype).</summary>
    public Module To(DType dtype) =>
        dtype.IsFloatingPoint()
            ? Convert(t => t.DType.IsFloatingPoint() ? t.To(dtype) : null)
            : throw new ArgumentException($"modules convert only to floating-point dtypes, not {dtype.Name()}", nameof(dtype));

    private Module Convert(Func<Tensor, Tensor?> convert)
    {
        using var noGrad = Autograd.NoGrad();
        foreach (var (_, p) in NamedParameters())
        {
            using var moved = convert(p);
            if (moved is null)
            {
                continue;
            }
            p.SetData(moved);
            using var grad = p.Grad;
            if (grad is null)
            {
                continue;
            }
            using var movedGrad = convert(grad);
            p.Grad = movedGrad;
        }
        ConvertBuffers(convert);
        return this;
    }

    private void ConvertBuffers(Func<Tensor, Tensor?> convert)
    {
        for (var i = 0; i < _buffers.Count; i++)
        {
            var (name, buffer) = _buffers[i];
            if (buffer is null)
            {
                continue;
            }
            var moved = convert(buffer);
            if (moved is null || ReferenceEquals(moved, buffer))
            {
                continue;
            }
            _buffers[i] = (name, moved.DetachFromDisposeScope());
            OnBufferReplaced(name, moved);
            buffer.Dispose();
        }
        foreach (var (_, child) in _children)
        {
            child.ConvertBuffers(convert);
        }
    }

    /// <summary>Called when <see cref="To(Device)"/> replaces a buffer, so that a subclass holding it in a field
    /// can update the field.</summary>
    protected virtual void OnBufferReplaced(string name, Tensor buffer) { }

    /// <summary>Clears (or zeroes) every parameter's gradient, as module.zero_grad().</summary>
    public void ZeroGrad(bool setToNone = true) => Optim.Optimizer.ZeroGrad(Parameters(), setToNone);

    /// <summary>Parameters and buffers by dotted name, in registration order, as module.state_dict(). The tensors
    /// share storage with the module (detached from autograd) and belong to the current dispose scope.</summary>
    public OrderedDictionary<string, Tensor> StateDict()
    {
        var state = new OrderedDictionary<string, Tensor>();
        foreach (var (name, p) in NamedParameters())
        {
            state.Add(name, p.Detach());
        }
        foreach (var (name, b) in NamedBuffers())
        {
            state.Add(name, b.Detach());
        }
        return state;
    }

    /// <summary>Copies values into the parameters and buffers, as module.load_state_dict(state, strict).
    /// Strict loading fails on missing or unexpected names; shapes must always match.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        var targets = NamedParameters().Select(p => (p.Name, Tensor: (Tensor)p.Parameter))
            .Concat(NamedBuffers().Select(b => (b.Name, Tensor: b.Buffer))).ToList();
        if (strict)
        {
            var missing = targets.Select(t => t.Name).Where(n => !state.ContainsKey(n)).ToList();
            var unexpected = state.Keys.Where(k => targets.All(t => t.Name != k)).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                throw new ArgumentException($"the state dict does not fit {GetType().Name}: " +
                    (missing.Count > 0 ? $"missing {string.Join(", ", missing)}" : "") +
                    (missing.Count > 0 && unexpected.Count > 0 ? "; " : "") +
                    (unexpected.Count > 0 ? $"unexpected {string.Join(", ", unexpected)}" : "") +
                    ". Load with strict: false to copy only the names both have.");
            }
        }
        using var noGrad = Autograd.NoGrad();
        foreach (var (name, target) in targets)
        {
            if (!state.TryGetValue(name, out var source))
            {
                continue;
            }
            var (want, got) = (target.Shape, source.Shape);
            if (!want.SequenceEqual(got))
            {
                throw new ArgumentException($"state dict entry '{name}' has shape [{string.Join(", ", got)}] but {GetType().Name} expects [{string.Join(", ", want)}]");
            }
            target.Copy_(source);
        }
    }

    /// <summary>Frees the parameters and buffers of this module and its descendants.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees native state; override to free more, calling the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }
        foreach (var (_, p) in _parameters)
        {
            p?.Dispose();
        }
        foreach (var (_, b) in _buffers)
        {
            b?.Dispose();
        }
        foreach (var (_, c) in _children)
        {
            c.Dispose();
        }
    }
}

/// <summary>A module with one input and one output: the shape of most layers and of <see cref="Sequential"/>.</summary>
public abstract class Module<TInput, TOutput> : Module
{
    /// <summary>Computes the module's output, as module(x) / module.forward(x).</summary>
    public abstract TOutput Forward(TInput input);
}

/// <summary>A module with two inputs and one output, e.g. an encoder layer reading a sequence and its padding
/// mask, or an energy E(x, ŷ) of an input and a candidate answer.</summary>
/// <example><code>
/// sealed class Energy : Module&lt;Tensor, Tensor, Tensor&gt;
/// {
///     private readonly Linear _head;
///     public Energy(int inputs, int outputs) { _head = RegisterModule("head", new Linear(inputs + outputs, 1)); }
///     public override Tensor Forward(Tensor x, Tensor y) =&gt; _head.Forward(Tensor.Cat([x, y], 1));
/// }
/// </code></example>
public abstract class Module<TInput1, TInput2, TOutput> : Module
{
    /// <summary>Computes the module's output, as module(a, b) / module.forward(a, b).</summary>
    public abstract TOutput Forward(TInput1 input1, TInput2 input2);
}
