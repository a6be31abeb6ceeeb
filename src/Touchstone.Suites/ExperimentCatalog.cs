using Touchstone.Core.Environment;
using Touchstone.Core.Experiments;
using Touchstone.Suites.Analogy;
using Touchstone.Suites.Common;
using Touchstone.Suites.EnergyOod.ListOps;
using Touchstone.Suites.EnergyOod.Vector;
using Touchstone.Suites.Physics;
using Touchstone.Suites.RegressionVsFlow;
using Touchstone.Suites.Scan;
using Touchstone.Suites.SelfTest;
using Touchstone.Suites.Spectral;

namespace Touchstone.Suites;

/// <summary>
/// Every experiment Touchstone can run, by key. A new experiment registers here with one line; suites name it in
/// their <c>experiment:</c> key.
/// </summary>
public static class ExperimentCatalog
{
    /// <summary>A registry of every experiment.</summary>
    public static ExperimentRegistry Create() => new ExperimentRegistry()
        .Add<SelfTestExperiment>()
        .Add<EnergyOodVectorExperiment>()
        .Add<EnergyOodListOpsExperiment>()
        .Add<SpectralExperiment>()
        .Add<RegressionVsFlowExperiment>()
        .Add<AnalogyExperiment>()
        .Add<ScanExperiment>()
        .Add<ScanCurriculumExperiment>()
        .Add<PhysicsExperiment>();

    /// <summary>What the compute backend (libtorch) reports for the environment fingerprint.</summary>
    public static IComputeBackendProbe BackendProbe() => new LibtorchProbe();
}
