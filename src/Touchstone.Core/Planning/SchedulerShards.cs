using System.Globalization;
using Touchstone.Core.Declarations;
using Touchstone.Core.Running;

namespace Touchstone.Core.Planning;

/// <summary>A shard taken from a batch scheduler's environment.</summary>
/// <param name="Shard">Which shard this task runs.</param>
/// <param name="Scheduler">The scheduler that said so (for messages).</param>
/// <param name="RunId">
/// An id every task of the same submission computes alike without talking to the others, or null when the scheduler
/// gives none (then <c>--run-id</c> must be given).
/// </param>
public sealed record ScheduledShard(Shard Shard, string Scheduler, string? RunId);

/// <summary>
/// <c>--shard auto</c>: the shard index and count from the scheduler that started this process, so that one job array
/// needs no per-task arguments.
/// <list type="bullet">
/// <item>Slurm job arrays: <c>SLURM_ARRAY_TASK_ID</c> with <c>SLURM_ARRAY_TASK_MIN</c>, <c>_MAX</c>, <c>_COUNT</c> and
/// <c>_STEP</c>. The array may start anywhere and be stepped (<c>--array=2-10:4</c> gives shards 1, 2, 3 of 3), but it
/// must be evenly spaced: Slurm reports step 1 for a list such as <c>3,5,11</c>, so such a list is refused. The run id
/// is <c>slurm-&lt;SLURM_ARRAY_JOB_ID&gt;</c> (<c>SLURM_JOB_ID</c> differs per task).</item>
/// <item>Kubernetes Indexed Jobs: <c>JOB_COMPLETION_INDEX</c> (0-based, set by Kubernetes) and
/// <c>JOB_COMPLETIONS</c> (the Job's <c>spec.completions</c>, which the pod spec must pass as an environment
/// variable: Kubernetes does not). Kubernetes gives no id shared by the pods, so <c>--run-id</c> is needed.</item>
/// </list>
/// </summary>
public static class SchedulerShards
{
    /// <summary>What <c>--shard</c> accepts to read the shard from the scheduler.</summary>
    public const string Auto = "auto";

    /// <summary>The shard of this process, from <paramref name="environment"/> (a variable's value or null).</summary>
    /// <exception cref="DeclarationException">No scheduler is recognised, both are, or their values are inconsistent.</exception>
    public static ScheduledShard Detect(Func<string, string?> environment)
    {
        var slurm = environment("SLURM_ARRAY_TASK_ID") is not null;
        var kubernetes = environment("JOB_COMPLETION_INDEX") is not null;
        if (slurm && kubernetes)
        {
            throw Error("both SLURM_ARRAY_TASK_ID (Slurm) and JOB_COMPLETION_INDEX (Kubernetes) are set; pass --shard i/n to say which shard this is");
        }
        if (slurm)
        {
            return FromSlurm(environment);
        }
        if (kubernetes)
        {
            return FromKubernetes(environment);
        }
        if (environment("SLURM_JOB_ID") is { } job)
        {
            throw Error($"Slurm job {job} is not a job array (SLURM_ARRAY_TASK_ID is not set); submit it with sbatch --array=1-N, or pass --shard i/n");
        }
        throw Error("no scheduler found: neither a Slurm job array (SLURM_ARRAY_TASK_ID) nor a Kubernetes Indexed Job " +
                    "(JOB_COMPLETION_INDEX) started this process; pass --shard i/n instead");
    }

    private static ScheduledShard FromSlurm(Func<string, string?> environment)
    {
        var id = Number(environment, "SLURM_ARRAY_TASK_ID", 0);
        var min = Number(environment, "SLURM_ARRAY_TASK_MIN", 0);
        var max = Number(environment, "SLURM_ARRAY_TASK_MAX", min);
        var count = Number(environment, "SLURM_ARRAY_TASK_COUNT", 1);
        var step = environment("SLURM_ARRAY_TASK_STEP") is null ? 1 : Number(environment, "SLURM_ARRAY_TASK_STEP", 1);
        var arrayJob = environment("SLURM_ARRAY_JOB_ID");
        var array = $"Slurm array task {id} of {min}-{max}:{step} ({count} tasks)";
        if ((long)min + ((long)step * (count - 1)) != max)
        {
            throw Error($"{array} is not evenly spaced (Slurm reports step 1 for a list such as 3,5,11), so its shard is not known; " +
                        "submit --array=1-N or a-b:s, or pass --shard i/n");
        }
        if (id < min || id > max || (id - min) % step != 0)
        {
            throw Error($"{array}: the task id is not one of the array's; pass --shard i/n");
        }
        if (arrayJob is not null && !RunIds.IsValid(arrayJob))
        {
            throw Error($"SLURM_ARRAY_JOB_ID '{arrayJob}' cannot name a run; pass --run-id");
        }
        var shard = new Shard(((id - min) / step) + 1, count);
        return new ScheduledShard(shard, "Slurm", arrayJob is null ? null : $"slurm-{arrayJob}");
    }

    private static ScheduledShard FromKubernetes(Func<string, string?> environment)
    {
        var index = Number(environment, "JOB_COMPLETION_INDEX", 0);
        if (environment("JOB_COMPLETIONS") is null)
        {
            throw Error($"Kubernetes Indexed Job pod {index} has no JOB_COMPLETIONS; set it in the pod spec to the Job's " +
                        "spec.completions (Kubernetes does not), or pass --shard i/n");
        }
        var completions = Number(environment, "JOB_COMPLETIONS", 1);
        if (index >= completions)
        {
            throw Error($"JOB_COMPLETION_INDEX {index} is not below JOB_COMPLETIONS {completions}; check the Job's completions");
        }
        return new ScheduledShard(new Shard(index + 1, completions), "Kubernetes", null);
    }

    private static int Number(Func<string, string?> environment, string name, int minimum)
    {
        var text = environment(name);
        if (text is null)
        {
            throw Error($"{name} is not set, so the shard is not known; pass --shard i/n");
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw Error($"{name}='{text}' is not a whole number >= {minimum}; pass --shard i/n");
        }
        return value;
    }

    private static DeclarationException Error(string message) => new("--shard", $"--shard auto: {message}");
}
