namespace Touchstone.Suites.SelfTest;

/// <summary>Config of the harness self-test (suite key <c>selftest</c>).</summary>
/// <param name="Data">The synthetic regression data.</param>
/// <param name="Training">The optimizer loop.</param>
/// <param name="Faults">Injected faults, for testing the harness; all off by default.</param>
public sealed record SelfTestConfig(SelfTestData Data, SelfTestTraining Training, SelfTestFaults? Faults = null);

/// <summary>
/// Data: y = x·w* + b* + noise·ε with x, w*, b*, ε standard normal, all drawn from <paramref name="DataSeed"/> (not the
/// cell's seed, so every seed of a variant sees the same data, as in the suites' source protocols).
/// </summary>
/// <param name="Features">Number of input features.</param>
/// <param name="NTrain">Training examples.</param>
/// <param name="NTest">Test examples, drawn from the same distribution.</param>
/// <param name="Noise">Standard deviation of the label noise.</param>
/// <param name="DataSeed">Seed of the data generator.</param>
public sealed record SelfTestData(int Features, int NTrain, int NTest, double Noise, long DataSeed);

/// <summary>Minibatch gradient descent on the mean squared error.</summary>
/// <param name="Lr">Learning rate.</param>
/// <param name="Steps">Optimizer steps.</param>
/// <param name="BatchSize">Examples per step, drawn with replacement by the cell's seed.</param>
/// <param name="LogEvery">Steps between curve points (the last step is always logged).</param>
public sealed record SelfTestTraining(double Lr, int Steps, int BatchSize, int LogEvery);

/// <summary>Faults the self-test can inject so the harness's handling of them can be tested.</summary>
/// <param name="FailAtStep">Throw an exception at this step (the cell fails).</param>
/// <param name="NanAtStep">Put a NaN into the weights at this step (the loss becomes NaN; the cell diverges).</param>
/// <param name="SleepMsPerStep">Sleep this long every step, so a test can stop or kill a run mid-cell.</param>
/// <param name="FailSeeds">Seeds at which <paramref name="FailAtStep"/> applies; all seeds when empty.</param>
public sealed record SelfTestFaults(long? FailAtStep = null, long? NanAtStep = null, int SleepMsPerStep = 0, IReadOnlyList<int>? FailSeeds = null);
