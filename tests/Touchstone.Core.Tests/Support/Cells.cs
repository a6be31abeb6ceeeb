using System.Text.Json.Nodes;
using Touchstone.Core.Experiments;
using Touchstone.Core.Results;
using Touchstone.Core.Running;

namespace Touchstone.Core.Tests.Support;

/// <summary>An experiment whose behaviour a test gives as a lambda.</summary>
public sealed class LambdaExperiment(Action<ICellContext> run) : IExperiment
{
    public string Key => "lambda";

    public Type ConfigType => typeof(DemoConfig);

    public void Run(ICellContext context) => run(context);
}

public static class Cells
{
    public static CellPlan Plan(int seed = 0) => new(
        new CellId("demo", "shipped", seed), "smoke", new ResolvedConfig(JsonNode.Parse("""{"lr": 0.1}""")!.AsObject()), "cpu");

    public static ExperimentRegistration Registration(Action<ICellContext> run) =>
        new ExperimentRegistry().Add(() => new LambdaExperiment(run)).Find("lambda")!;

    public static CellRun Execute(string folder, Action<ICellContext> run, CancellationToken cancellation = default) =>
        CellExecutor.Execute(Plan(), Registration(run), "run-1", new CellFiles(folder), cancellation, (_, _) => { }, (_, _) => { });
}
