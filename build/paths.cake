// Where things are, in one place.
var configuration = Argument("configuration", "Release");
var repoRoot = MakeAbsolute(Directory("."));
var solution = repoRoot.CombineWithFilePath("Touchstone.slnx");
var testResults = repoRoot.Combine("TestResults");
var torchProject = repoRoot.CombineWithFilePath("src/Touchstone.Torch/Touchstone.Torch.csproj");
var nativeBuild = repoRoot.Combine("src/Touchstone.Torch.Native/build");
var cliDll = repoRoot.CombineWithFilePath($"src/Touchstone.Cli/bin/{configuration}/net10.0/touchstone.dll");
var benchmarksProject = repoRoot.CombineWithFilePath("tests/Touchstone.Benchmarks/Touchstone.Benchmarks.csproj");
var runsRoot = repoRoot.Combine("results/runs");
var baselinesRoot = repoRoot.Combine("results/baselines");
