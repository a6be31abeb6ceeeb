using Touchstone.Cli;
using Touchstone.Cli.Mlflow;
using Touchstone.Suites;

// Composition root of the `touchstone` command line: the experiments, the backend probe, the run sinks, the verbs.
var context = CliContext.ForProcess(args, ExperimentCatalog.Create(), ExperimentCatalog.BackendProbe());

// Sinks that watch `touchstone run` beside the console display and the Parquet results.
context.SinkProviders.Add(new MlflowSinkProvider());
return TouchstoneCli.Invoke(TouchstoneCli.Build(context), args, context);
