namespace Touchstone.Torch;

/// <summary>One entry of a tensor index: an integer, a range (slice), <see cref="Ellipsis"/>, <see cref="None"/>
/// (a new axis) or an index tensor. Integers, ranges and tensors convert implicitly.</summary>
public readonly struct TensorIndex
{
    internal enum IndexKind { Single, Slice, Ellipsis, NewAxis, Tensor }

    private TensorIndex(IndexKind kind, long value = 0, Range range = default, long step = 1, Tensor? tensor = null)
    {
        Kind = kind;
        Value = value;
        Range = range;
        Step = step;
        Tensor = tensor;
    }

    internal IndexKind Kind { get; }
    internal long Value { get; }
    internal Range Range { get; }
    internal long Step { get; }
    internal Tensor? Tensor { get; }

    /// <summary>"...": as many full slices as needed.</summary>
    public static TensorIndex Ellipsis { get; } = new(IndexKind.Ellipsis);

    /// <summary>None / np.newaxis: inserts a dimension of size 1.</summary>
    public static TensorIndex None { get; } = new(IndexKind.NewAxis);

    /// <summary>":": every element of a dimension.</summary>
    public static TensorIndex Colon { get; } = new(IndexKind.Slice, range: System.Range.All);

    /// <summary>A slice with a step, as start:end:step (ends of the range as C# ranges read them).</summary>
    public static TensorIndex Sliced(Range range, long step) => new(IndexKind.Slice, range: range, step: step);

    /// <summary>One position (removes the dimension); negative counts from the end.</summary>
    public static implicit operator TensorIndex(long index) => new(IndexKind.Single, value: index);

    /// <summary>One position (removes the dimension); negative counts from the end.</summary>
    public static implicit operator TensorIndex(int index) => new(IndexKind.Single, value: index);

    /// <summary>One position counted from the start or, as ^1, from the end.</summary>
    public static implicit operator TensorIndex(Index index) => new(IndexKind.Single, value: index.IsFromEnd ? -index.Value : index.Value);

    /// <summary>A slice, e.g. 1..^1.</summary>
    public static implicit operator TensorIndex(Range range) => new(IndexKind.Slice, range: range);

    /// <summary>Gathers with an int64 (or bool mask) tensor.</summary>
    public static implicit operator TensorIndex(Tensor tensor) => new(IndexKind.Tensor, tensor: tensor);
}

/// <summary>Turns a list of <see cref="TensorIndex"/> into select/slice/unsqueeze calls and one advanced index.</summary>
internal static class TensorIndexing
{
    internal static Tensor Get(Tensor x, TensorIndex[] indices)
    {
        var (view, advanced) = BasicView(x, indices);
        if (advanced is null)
        {
            return view;
        }
        var result = view.AdvancedIndex(advanced);
        if (view != x)
        {
            view.Dispose();
        }
        return result;
    }

    internal static void Set(Tensor x, TensorIndex[] indices, Tensor value)
    {
        var (view, advanced) = BasicView(x, indices);
        try
        {
            if (advanced is null)
            {
                view.Copy_(value);
            }
            else
            {
                view.IndexPut(advanced, value, accumulate: false);
            }
        }
        finally
        {
            if (view != x)
            {
                view.Dispose();
            }
        }
    }

    // Applies integers, slices and new axes as views; returns the tensor indices (null entries for dimensions
    // they do not touch) when there are any.
    private static (Tensor View, List<Tensor?>? Advanced) BasicView(Tensor x, TensorIndex[] indices)
    {
        var rank = x.Dim;
        var consumed = indices.Count(i => i.Kind is TensorIndex.IndexKind.Single or TensorIndex.IndexKind.Slice or TensorIndex.IndexKind.Tensor);
        if (indices.Count(i => i.Kind == TensorIndex.IndexKind.Ellipsis) > 1)
        {
            throw new ArgumentException("an index may hold at most one Ellipsis");
        }
        if (consumed > rank)
        {
            throw new ArgumentException($"too many indices ({consumed}) for a tensor of {rank} dimension(s)");
        }

        var current = x;
        var dim = 0L;
        List<Tensor?>? advanced = null;
        foreach (var index in indices)
        {
            Tensor next;
            switch (index.Kind)
            {
                case TensorIndex.IndexKind.Ellipsis:
                    var skip = rank - consumed;
                    dim += skip;
                    for (var k = 0; k < skip && advanced != null; k++)
                    {
                        advanced.Add(null);
                    }
                    continue;
                case TensorIndex.IndexKind.NewAxis:
                    next = current.Unsqueeze(dim);
                    dim++;
                    advanced?.Add(null);
                    break;
                case TensorIndex.IndexKind.Single:
                    next = current.Select(dim, index.Value);
                    break;
                case TensorIndex.IndexKind.Slice:
                    var size = current.Size((int)dim);
                    var start = index.Range.Start.IsFromEnd ? size - index.Range.Start.Value : index.Range.Start.Value;
                    var end = index.Range.End.IsFromEnd ? size - index.Range.End.Value : index.Range.End.Value;
                    next = current.Slice(dim, start, Math.Max(start, end), index.Step);
                    dim++;
                    advanced?.Add(null);
                    break;
                default:
                    advanced ??= Enumerable.Repeat<Tensor?>(null, (int)dim).ToList();
                    advanced.Add(index.Tensor);
                    dim++;
                    continue;
            }
            if (current != x)
            {
                current.Dispose();
            }
            current = next;
        }
        return (current, advanced);
    }
}
