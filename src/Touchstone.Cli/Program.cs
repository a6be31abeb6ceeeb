using Touchstone.Cli;
using Touchstone.Suites;

// Composition root of the `touchstone` command line: the experiments, the backend probe, the run sinks, the verbs.
var context = CliContext.ForProcess(args, ExperimentCatalog.Create(), ExperimentCatalog.BackendProbe());

// Sinks that watch `touchstone run` beside the console display (the MLflow logger) register here, e.g.
//   context.SinkProviders.Add(new MlflowSinkProvider());
var root = TouchstoneCli.Build(context);

// Verbs from other parts of Touchstone (gate, promote, mlflow) are added here, e.g.
//   root.Subcommands.Add(GateCommand.Create(context));
return TouchstoneCli.Invoke(root, args, context);
