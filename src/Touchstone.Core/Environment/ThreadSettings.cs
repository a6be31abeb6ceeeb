namespace Touchstone.Core.Environment;

/// <summary>
/// The CPU threads every cell of a run computes with: libtorch's intra-op threads and the size of the BLAS library's
/// own pool. Both decide the last bits of a result (a sum split over two threads rounds differently from one), and
/// both are process-wide, so a run applies one setting once, before its first cell, and every cell of the run uses
/// it whatever <c>--jobs</c> is. The default is one of each: parallelism comes from running cells side by side.
/// </summary>
/// <param name="IntraOp">libtorch's intra-op threads (<c>at::set_num_threads</c>).</param>
/// <param name="Blas">Threads of the BLAS library's pool (OpenBLAS's; MKL follows <paramref name="IntraOp"/>).</param>
public sealed record ThreadSettings(int IntraOp, int Blas)
{
    /// <summary>One intra-op thread and one BLAS thread per cell.</summary>
    public static ThreadSettings Default { get; } = new(1, 1);

    /// <summary>The same number of intra-op and BLAS threads, as <c>--threads N</c> asks.</summary>
    public static ThreadSettings Uniform(int threads) => new(threads, threads);

    /// <summary>Threads all cells of a run may use at once with <paramref name="jobs"/> cells side by side.</summary>
    public int CoresWanted(int jobs) => jobs * Math.Max(IntraOp, Blas);

    /// <summary>The text form, e.g. <c>intra-op 1, BLAS 1</c>.</summary>
    public override string ToString() => $"intra-op {IntraOp}, BLAS {Blas}";
}
