// Where things are, in one place.
var configuration = Argument("configuration", "Release");
var repoRoot = MakeAbsolute(Directory("."));
var solution = repoRoot.CombineWithFilePath("Touchstone.slnx");
var testResults = repoRoot.Combine("TestResults");
