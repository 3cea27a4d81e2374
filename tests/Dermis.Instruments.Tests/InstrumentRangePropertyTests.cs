using Dermis.Instruments.Dlqi;
using Dermis.Instruments.Easi;
using Dermis.Instruments.Hecsi;
using Dermis.Instruments.Pasi;
using Dermis.Instruments.Poem;
using Dermis.Instruments.Scorad;
using Dermis.Instruments.Scoring;

namespace Dermis.Instruments.Tests;

/// <summary>
/// Seeded random valid inputs (10,000 per instrument): totals stay in the published ranges and equal an
/// independent recomputation from the published formula (instruments.md §4) in plain decimal arithmetic.
/// </summary>
public sealed class InstrumentRangePropertyTests
{
    private const int Cases = 10_000;

    private static readonly decimal[] EasiSigns = [0m, 1m, 1.5m, 2m, 2.5m, 3m];

    // §4.1 weights: age ≥ 8 y H 0.1, U 0.2, T 0.3, L 0.4; age 0–7 y H 0.2, U 0.2, T 0.3, L 0.3.
    private static readonly decimal[] EasiAdultWeights = [0.1m, 0.2m, 0.3m, 0.4m];
    private static readonly decimal[] EasiChildWeights = [0.2m, 0.2m, 0.3m, 0.3m];

    // §4.3 weights: head 0.1, arms 0.2, trunk 0.3, legs 0.4.
    private static readonly decimal[] PasiWeights = [0.1m, 0.2m, 0.3m, 0.4m];

    [Fact]
    public void Easi_adult_random_inputs_total_in_0_to_72_equals_formula_and_region_sum()
    {
        var random = new Random(20_240_601);
        for (var i = 0; i < Cases; i++)
        {
            var regions = RandomEasiRegions(random);
            var age = 8m + random.Next(0, 83);
            var score = EasiScorer.Score(new EasiInput(age, new(regions[0], regions[1], regions[2], regions[3])));

            var expected = EasiFormula(regions, EasiAdultWeights);
            Assert.False(score.ChildWeights);
            Assert.Equal(expected, score.Total);
            Assert.InRange(score.Total!.Value, 0m, 72m);
            Assert.Equal(score.Total, score.Regions.Head + score.Regions.UpperLimbs + score.Regions.Trunk + score.Regions.LowerLimbs);
            Assert.Equal(ExpectedEasiBand(expected), score.Band);
        }
    }

    [Fact]
    public void Easi_child_random_inputs_total_in_0_to_72_equals_formula_and_region_sum()
    {
        var random = new Random(7);
        for (var i = 0; i < Cases; i++)
        {
            var regions = RandomEasiRegions(random);
            var age = random.Next(0, 80) / 10m; // 0.0–7.9 years
            var score = EasiScorer.Score(new EasiInput(age, new(regions[0], regions[1], regions[2], regions[3])));

            var expected = EasiFormula(regions, EasiChildWeights);
            Assert.True(score.ChildWeights);
            Assert.Equal(expected, score.Total);
            Assert.InRange(score.Total!.Value, 0m, 72m);
            Assert.Equal(score.Total, score.Regions.Head + score.Regions.UpperLimbs + score.Regions.Trunk + score.Regions.LowerLimbs);
            Assert.Equal(ExpectedEasiBand(expected), score.Band);
        }
    }

    [Fact]
    public void Easi_totals_are_multiples_of_0_05()
    {
        // §4.1: EASI has 0.05 granularity (half points × integer area × 0.1 weight).
        var random = new Random(5);
        for (var i = 0; i < Cases; i++)
        {
            var regions = RandomEasiRegions(random);
            var total = EasiScorer.Score(new EasiInput(40m, new(regions[0], regions[1], regions[2], regions[3]))).Total!.Value;

            Assert.Equal(0m, total % 0.05m);
        }
    }

    [Fact]
    public void Pasi_random_inputs_total_in_0_to_72_equals_formula()
    {
        var random = new Random(1978);
        for (var i = 0; i < Cases; i++)
        {
            var regions = new PasiRegion[4];
            var expected = 0m;
            for (var r = 0; r < 4; r++)
            {
                var area = random.Next(0, 7);
                int e = 0, ind = 0, d = 0;
                if (area > 0)
                {
                    e = random.Next(0, 5);
                    ind = random.Next(0, 5);
                    d = random.Next(0, 5);
                }

                regions[r] = new PasiRegion(e, ind, d, area);
                // §4.3: PASI = Σ 0.x × (E + I + D) × area.
                expected += PasiWeights[r] * (e + ind + d) * area;
            }

            var score = PasiScorer.Score(new(regions[0], regions[1], regions[2], regions[3]));

            Assert.Equal(expected, score.Total);
            Assert.InRange(score.Total!.Value, 0m, 72m);
            Assert.Equal(score.Total, score.Regions.Head + score.Regions.UpperLimbs + score.Regions.Trunk + score.Regions.LowerLimbs);
        }
    }

    [Fact]
    public void Hecsi_random_inputs_total_in_0_to_360_equals_formula()
    {
        var random = new Random(2005);
        for (var i = 0; i < Cases; i++)
        {
            var locations = new HecsiLocation[5];
            var expected = 0;
            for (var l = 0; l < 5; l++)
            {
                var extent = random.Next(0, 5);
                var signs = new int[6];
                if (extent > 0)
                {
                    for (var s = 0; s < 6; s++)
                    {
                        signs[s] = random.Next(0, 4);
                    }
                }

                locations[l] = new HecsiLocation(signs[0], signs[1], signs[2], signs[3], signs[4], signs[5], extent);
                // §4.6: HECSI = Σ locations (Σ sign scores) × extent.
                expected += signs.Sum() * extent;
            }

            var score = HecsiScorer.Score(new HecsiInput(locations[0], locations[1], locations[2], locations[3], locations[4]));

            Assert.Equal(expected, score.Total);
            Assert.InRange(score.Total, 0, 360);
            var band = expected switch { 0 => HecsiBand.Clear, < 17 => HecsiBand.AlmostClear, < 38 => HecsiBand.Moderate, < 117 => HecsiBand.Severe, _ => HecsiBand.VerySevere };
            Assert.Equal(band, score.Band);
        }
    }

    [Fact]
    public void Scorad_random_inputs_total_at_most_103_objective_at_most_83_equal_formula()
    {
        var random = new Random(1993);
        for (var i = 0; i < Cases; i++)
        {
            var extent = random.Next(0, 1001) / 10m;       // 0.0–100.0 %
            var items = new int[6];
            for (var s = 0; s < 6; s++)
            {
                items[s] = random.Next(0, 4);
            }

            var pruritus = random.Next(0, 101) / 10m;      // 0.0–10.0
            var sleeplessness = random.Next(0, 101) / 10m;
            var score = ScoradScorer.Score(new ScoradInput(extent, new ScoradIntensity(items[0], items[1], items[2], items[3], items[4], items[5]), pruritus, sleeplessness));

            // §4.4: SCORAD = A/5 + 7B/2 + C; objective = A/5 + 7B/2.
            var b = items.Sum();
            var objective = (extent * 0.2m) + (3.5m * b);
            var total = objective + pruritus + sleeplessness;
            Assert.Equal(objective, score.Objective);
            Assert.Equal(total, score.Total);
            Assert.InRange(score.Objective, 0m, 83m);
            Assert.InRange(score.Total!.Value, 0m, 103m);
            var band = total < 25m ? ScoradBand.Mild : total <= 50m ? ScoradBand.Moderate : ScoradBand.Severe;
            Assert.Equal(band, score.Band);
        }
    }

    [Fact]
    public void Dlqi_random_complete_answers_total_in_0_to_30_equals_item_sum()
    {
        var random = new Random(1994);
        DlqiAnswer[] general = [DlqiAnswer.VeryMuch, DlqiAnswer.ALot, DlqiAnswer.ALittle, DlqiAnswer.NotAtAll, DlqiAnswer.NotRelevant];
        DlqiAnswer[] question7 = [DlqiAnswer.Yes, DlqiAnswer.ALot, DlqiAnswer.ALittle, DlqiAnswer.NotAtAll, DlqiAnswer.NotRelevant];
        for (var i = 0; i < Cases; i++)
        {
            var answers = new DlqiAnswer?[10];
            var expected = 0;
            for (var q = 0; q < 10; q++)
            {
                var answer = (q == 6 ? question7 : general)[random.Next(0, 5)];
                answers[q] = answer;
                // §4.7: very much / yes 3, a lot 2, a little 1, not at all 0, not relevant 0.
                expected += answer switch { DlqiAnswer.VeryMuch or DlqiAnswer.Yes => 3, DlqiAnswer.ALot => 2, DlqiAnswer.ALittle => 1, _ => 0 };
            }

            var score = DlqiScorer.Score(answers);

            Assert.Equal(expected, score.Total);
            Assert.InRange(score.Total!.Value, 0, 30);
            var s = score.Subscales;
            Assert.Equal(expected, s.SymptomsAndFeelings + s.DailyActivities + s.Leisure + s.WorkAndSchool + s.PersonalRelationships + s.Treatment);
        }
    }

    [Fact]
    public void Poem_random_answers_total_in_0_to_28_or_null_with_two_missing()
    {
        var random = new Random(2004);
        for (var i = 0; i < Cases; i++)
        {
            var answers = new int?[7];
            var missing = 0;
            var expected = 0;
            for (var q = 0; q < 7; q++)
            {
                if (random.Next(0, 10) == 0)
                {
                    missing++;
                    continue;
                }

                answers[q] = random.Next(0, 5);
                expected += answers[q]!.Value;
            }

            var score = PoemScorer.Score(answers);

            // §4.8: one unanswered → 0; ≥ 2 unanswered → not scored.
            if (missing >= 2)
            {
                Assert.Null(score.Total);
            }
            else
            {
                Assert.Equal(expected, score.Total);
                Assert.InRange(score.Total!.Value, 0, 28);
            }
        }
    }

    private static EasiRegion[] RandomEasiRegions(Random random)
    {
        var regions = new EasiRegion[4];
        for (var r = 0; r < 4; r++)
        {
            var area = random.Next(0, 7);
            regions[r] = area == 0
                ? EasiRegion.Clear
                : new EasiRegion(
                    EasiSigns[random.Next(EasiSigns.Length)],
                    EasiSigns[random.Next(EasiSigns.Length)],
                    EasiSigns[random.Next(EasiSigns.Length)],
                    EasiSigns[random.Next(EasiSigns.Length)],
                    area);
        }

        return regions;
    }

    // §4.1: EASI = Σ_r (E_r + I_r + Ex_r + L_r) × Area_r × M_r.
    private static decimal EasiFormula(EasiRegion[] regions, decimal[] weights)
    {
        var total = 0m;
        for (var r = 0; r < 4; r++)
        {
            var region = regions[r];
            total += (region.Erythema!.Value + region.Induration!.Value + region.Excoriation!.Value + region.Lichenification!.Value) * region.Area!.Value * weights[r];
        }

        return total;
    }

    // §4.1 Leshem strata as upper bounds: 0 clear; ≤ 1.0 almost clear; ≤ 7.0 mild; ≤ 21.0 moderate; ≤ 50.0 severe.
    private static EasiBand ExpectedEasiBand(decimal total) => total switch
    {
        0m => EasiBand.Clear,
        <= 1.0m => EasiBand.AlmostClear,
        <= 7.0m => EasiBand.Mild,
        <= 21.0m => EasiBand.Moderate,
        <= 50.0m => EasiBand.Severe,
        _ => EasiBand.VerySevere,
    };
}
