using Touchstone.Cli;
using Touchstone.Cli.Mlflow;
using Touchstone.Suites;

// Composition root of the `touchstone` command line: the experiments, the backend probe, the run sinks, the verbs.
var context = CliContext.ForProcess(args, ExperimentCatalog.Create(), ExperimentCatalog.BackendProbe());

// Sinks that watch `touchstone run` beside the console display and the Parquet results.
context.SinkProviders.Add(new MlflowSinkProvider());
var root = TouchstoneCli.Build(context);

// Verbs from other parts of Touchstone.
root.Subcommands.Add(MlflowCommand.Create());
return TouchstoneCli.Invoke(root, args, context);
