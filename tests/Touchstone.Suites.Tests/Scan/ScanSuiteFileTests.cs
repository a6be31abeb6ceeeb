using Touchstone.Core.Experiments;
using Touchstone.Suites.Scan;
using Touchstone.Suites.Tests.Support;

namespace Touchstone.Suites.Tests.Scan;

public sealed class ScanSuiteFileTests
{
    private static readonly SuiteFile<ScanExperiment, ScanConfig> File = new("scan-curriculum.yaml", () => new ScanCurriculumExperiment());

    private static IReadOnlyList<(CellId Cell, ScanConfig Config)> Cells(string profile) => File.Cells(profile);

    [Theory]
    [InlineData("smoke")]
    [InlineData("nightly")]
    [InlineData("full")]
    public void Every_cell_of_every_profile_binds_to_a_valid_config_on_every_split(string profile)
    {
        var cells = Cells(profile);

        Assert.All(cells, c => c.Config.Validate());
        Assert.Equal(Enum.GetValues<ScanSplit>(), cells.Select(c => c.Config.Data.Split).Distinct().Order());
    }

    [Fact]
    public void Nightly_is_lake_and_baronis_protocol_and_overall_best_model()
    {
        var cells = Cells("nightly");

        Assert.All(cells, c =>
        {
            Assert.Equal(new ScanModelConfig(200, 200, 2, 0.5), c.Config.Model);
            Assert.Equal((100_000, 1e-3, 5.0, 0.5), (c.Config.Training.Trials, c.Config.Training.Lr, c.Config.Training.ClipNorm, c.Config.Training.TeacherForcing));
            Assert.Null(c.Config.Data.TestLimit);
        });
    }

    [Fact]
    public void Smoke_scores_a_subset_with_a_small_model_and_three_seeds()
    {
        var cells = Cells("smoke");

        Assert.Equal([1, 2, 3], cells.Select(c => c.Cell.Seed).Distinct());
        Assert.All(cells, c => Assert.Equal(200, c.Config.Data.TestLimit));
        Assert.All(cells, c => Assert.True(c.Config.Training.Trials <= 2000));
    }

    private static readonly SuiteFile<ScanCurriculumExperiment, ScanCurriculumConfig> CurriculumFile =
        new("scan-curriculum.yaml", () => new ScanExperiment());

    [Fact]
    public void Nightly_curriculum_is_the_research_projects_model_and_stages_on_whole_splits()
    {
        var cells = CurriculumFile.Cells("nightly");

        Assert.Equal(["curriculum", "curriculum-add-jump"], cells.Select(c => c.Cell.Variant).Distinct());
        Assert.Equal([ScanSplit.Simple, ScanSplit.AddPrimJump], cells.Select(c => c.Config.Data.Split).Distinct());
        Assert.All(cells, c =>
        {
            c.Config.Validate();
            Assert.Null(c.Config.Data.TestLimit);
            var s = c.Config.Curriculum;
            Assert.Equal((128, 128, 32, 3, 5000), (s.Embedding, s.Hidden, s.BatchSize, s.EpochsPerStage, s.FirstStageExamples));
            Assert.Equal([1e-3, 5e-4, 2e-4, 1e-4], s.StageLrs);
            Assert.Null(s.StageExamples);
        });
    }

    [Fact]
    public void Smoke_curriculum_keeps_the_model_and_stages_but_trains_one_short_epoch_per_stage()
    {
        var cells = CurriculumFile.Cells("smoke");

        Assert.Equal([1, 2, 3], cells.Select(c => c.Cell.Seed).Distinct());
        Assert.All(cells, c =>
        {
            c.Config.Validate();
            Assert.Equal(200, c.Config.Data.TestLimit);
            Assert.Equal((128, 4, 1), (c.Config.Curriculum.Hidden, c.Config.Curriculum.StageLrs.Count, c.Config.Curriculum.EpochsPerStage));
            Assert.True(c.Config.Curriculum.StageExamples <= 1000);
        });
    }
}
