using Touchstone.Core.Declarations;
using Touchstone.Core.Planning;
using Touchstone.Core.Running;

namespace Touchstone.Core.Tests.Planning;

public sealed class SchedulerShardsTests
{
    // The variables exactly as slurm-wlm 22.05 set them for the task (measured with sbatch --array on a real cluster).
    private static Func<string, string?> Slurm(int id, int min, int max, int count, int step, int arrayJob = 41) =>
        Environment(
            ("SLURM_ARRAY_TASK_ID", $"{id}"), ("SLURM_ARRAY_TASK_MIN", $"{min}"), ("SLURM_ARRAY_TASK_MAX", $"{max}"),
            ("SLURM_ARRAY_TASK_COUNT", $"{count}"), ("SLURM_ARRAY_TASK_STEP", $"{step}"),
            ("SLURM_ARRAY_JOB_ID", $"{arrayJob}"), ("SLURM_JOB_ID", $"{arrayJob + id + 100}"));

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static string Refusal(Func<string, string?> environment) =>
        Assert.Throws<DeclarationException>(() => SchedulerShards.Detect(environment)).Diagnostics[0].Message;

    [Theory]
    [InlineData(0, 0, 2, 3, 1, 1)]     // --array=0-2
    [InlineData(2, 0, 2, 3, 1, 3)]
    [InlineData(1, 1, 4, 4, 1, 1)]     // --array=1-4
    [InlineData(4, 1, 4, 4, 1, 4)]
    [InlineData(12, 10, 12, 3, 1, 3)]  // --array=10-12: arrays need not start at 0 or 1
    [InlineData(2, 2, 10, 3, 4, 1)]    // --array=2-10:4 (tasks 2, 6, 10)
    [InlineData(6, 2, 10, 3, 4, 2)]
    [InlineData(10, 2, 10, 3, 4, 3)]
    [InlineData(7, 7, 7, 1, 1, 1)]     // --array=7: one task
    public void A_slurm_array_task_is_the_shard_of_its_position_in_the_array(int id, int min, int max, int count, int step, int index)
    {
        var scheduled = SchedulerShards.Detect(Slurm(id, min, max, count, step));

        Assert.Equal(new Shard(index, count), scheduled.Shard);
        Assert.Equal("Slurm", scheduled.Scheduler);
    }

    [Fact]
    public void Every_task_of_one_array_gets_the_same_run_id_from_the_array_job_id()
    {
        var ids = new[] { 0, 1, 2 }.Select(id => SchedulerShards.Detect(Slurm(id, 0, 2, 3, 1, arrayJob: 5150)).RunId).Distinct();

        Assert.Equal(["slurm-5150"], ids);
    }

    [Fact]
    public void An_unevenly_spaced_slurm_list_is_refused_because_slurm_reports_step_1_for_it()
    {
        // sbatch --array=3,5,11: Slurm 22.05 sets MIN 3, MAX 11, COUNT 3, STEP 1.
        Assert.Equal(
            "--shard auto: Slurm array task 5 of 3-11:1 (3 tasks) is not evenly spaced (Slurm reports step 1 for a list such as 3,5,11), " +
            "so its shard is not known; submit --array=1-N or a-b:s, or pass --shard i/n",
            Refusal(Slurm(5, 3, 11, 3, 1)));
    }

    [Fact]
    public void A_slurm_task_id_outside_its_array_is_refused()
    {
        Assert.Equal("--shard auto: Slurm array task 4 of 2-10:4 (3 tasks): the task id is not one of the array's; pass --shard i/n",
            Refusal(Slurm(4, 2, 10, 3, 4)));
    }

    [Fact]
    public void A_missing_or_malformed_slurm_variable_is_named()
    {
        Assert.Equal("--shard auto: SLURM_ARRAY_TASK_COUNT is not set, so the shard is not known; pass --shard i/n",
            Refusal(Environment(("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_MAX", "3"))));
        Assert.Equal("--shard auto: SLURM_ARRAY_TASK_ID='x' is not a whole number >= 0; pass --shard i/n",
            Refusal(Environment(("SLURM_ARRAY_TASK_ID", "x"))));
    }

    [Fact]
    public void A_slurm_job_that_is_not_an_array_is_told_to_use_one()
    {
        Assert.Equal(
            "--shard auto: Slurm job 77 is not a job array (SLURM_ARRAY_TASK_ID is not set); submit it with sbatch --array=1-N, or pass --shard i/n",
            Refusal(Environment(("SLURM_JOB_ID", "77"))));
    }

    [Fact]
    public void No_scheduler_is_a_clear_error()
    {
        Assert.StartsWith("--shard auto: no scheduler found: neither a Slurm job array (SLURM_ARRAY_TASK_ID) nor a Kubernetes Indexed Job",
            Refusal(Environment()));
    }

    [Theory]
    [InlineData("0", "4", 1)]
    [InlineData("3", "4", 4)]
    public void A_kubernetes_indexed_job_pod_is_the_shard_of_its_completion_index(string index, string completions, int shard)
    {
        var scheduled = SchedulerShards.Detect(Environment(("JOB_COMPLETION_INDEX", index), ("JOB_COMPLETIONS", completions)));

        Assert.Equal(new Shard(shard, 4), scheduled.Shard);
        Assert.Null(scheduled.RunId);
    }

    [Fact]
    public void A_kubernetes_pod_needs_the_completions_and_an_index_below_them()
    {
        Assert.StartsWith("--shard auto: Kubernetes Indexed Job pod 1 has no JOB_COMPLETIONS; set it in the pod spec",
            Refusal(Environment(("JOB_COMPLETION_INDEX", "1"))));
        Assert.Equal("--shard auto: JOB_COMPLETION_INDEX 4 is not below JOB_COMPLETIONS 4; check the Job's completions",
            Refusal(Environment(("JOB_COMPLETION_INDEX", "4"), ("JOB_COMPLETIONS", "4"))));
    }

    [Fact]
    public void Both_schedulers_at_once_are_refused()
    {
        Assert.StartsWith("--shard auto: both SLURM_ARRAY_TASK_ID (Slurm) and JOB_COMPLETION_INDEX (Kubernetes) are set",
            Refusal(Environment(("SLURM_ARRAY_TASK_ID", "1"), ("JOB_COMPLETION_INDEX", "1"))));
    }
}
