// Touchstone's build: each target does one thing and names what it depends on. The logic lives in src/ and the
// `touchstone` CLI; these scripts only compose it.   Usage: ./build.sh --target=<Target> [options]
#load "build/paths.cake"
#load "build/process.cake"
#load "build/compile.cake"
#load "build/test.cake"
#load "build/experiments.cake"
#load "build/gate.cake"
#load "build/slurm.cake"
#load "build/verify.cake"
#load "build/report.cake"
#load "build/bench.cake"

Task("Default").Description("Same as Test.").IsDependentOn("Test");

RunTarget(Argument("target", "Default"));
