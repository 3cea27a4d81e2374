using Dermis.Sensing.Sweat;
using Dermis.Server.Demo;

namespace Dermis.Server.Tests.Demo;

/// <summary>The demo's sweat patches: its calibration reproduces the reference fit, readings invert to the concentrations meant, the index alerts on a flare only.</summary>
public sealed class DemoSensingSweatTests
{
    private static Dictionary<string, CalibrationCurve> Curves() =>
        CalibrationStandardsCsv.Read(new StringReader(DemoSensingSweat.StandardsCsv()))
            .ToDictionary(s => s.Cytokine, s => CalibrationFitter.Fit(s.Standards, CurveModel.FourParameterLogistic), StringComparer.Ordinal);

    [Fact]
    public void Calibration_of_each_cytokine_is_the_Cardillo_reference_fit_with_C_rescaled()
    {
        var curves = Curves();

        Assert.Equal(Cytokines.Panel.Order(StringComparer.Ordinal), curves.Keys.Order(StringComparer.Ordinal));
        for (var c = 0; c < DemoSensingSweat.Panel.Length; c++)
        {
            var curve = curves[DemoSensingSweat.Panel[c].Cytokine];
            var p = curve.Parameters.ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);
            // biomarkers.md §2.6 a (SciPy curve_fit): A 0.000901, B 1.5150, C 108.02, D 3.7845, R² 0.99981; relative 1e-3.
            Assert.Equal(108.02 * DemoSensingSweat.Panel[c].Level / 5, p["C"], 108.02 * DemoSensingSweat.Panel[c].Level / 5 * 1e-3);
            Assert.Equal(1.5150, p["B"], 1.5150 * 1e-3);
            Assert.Equal(3.7845, p["D"], 3.7845 * 1e-3);
            Assert.Equal(0.000901, p["A"], 2e-5);
            Assert.Equal(0.99981, curve.RSquared, 1e-5);
        }
    }

    [Fact]
    public void Readings_invert_to_the_concentrations_meant_within_half_a_percent()
    {
        var curves = Curves();
        var day = new DateOnly(2026, 3, 2);
        var checkedReadings = 0;
        foreach (var (lesional, activity) in new[] { (true, 1.0), (false, 1.0), (true, 0.25), (false, 0.25) })
        {
            foreach (var r in DemoSensingSweat.Day(day, lesional, activity, participantSeed: 4242).Where(r => r.Response is not null))
            {
                var quantified = new SweatQuantifier(curves[DemoSensingSweat.Panel[r.Cytokine].Cytokine]).Quantify(r.Response!.Value);
                Assert.NotNull(quantified.Concentration);
                // The server's fit differs from the reference curve the responses were made with by ≈ 1e-4 in its parameters.
                Assert.Equal(r.Concentration, quantified.Concentration!.Value, r.Concentration * 5e-3);
                Assert.True(quantified.Flag is ReadingFlag.Ok or ReadingFlag.BelowLoq, $"{r.Concentration} of cytokine {r.Cytokine}: {quantified.Flag}");
                checkedReadings++;
            }
        }

        // 12 times × 5 cytokines × 4 patches, less the ≈ 1 % failed channels.
        Assert.InRange(checkedReadings, 230, 240);
    }

    [Fact]
    public void Levels_at_baseline_are_3_2_times_higher_on_lesional_skin_and_fall_to_equal_at_clearance()
    {
        // By hand: lesional / non-lesional = 10^(a·(log10 4 − log10 1.25)) = 3.2^a: 3.2 at a = 1, 3.2^0.25 = 1.3374806 at a = 0.25, 1 at a = 0.
        Assert.Equal(3.2, DemoSensingSweat.Concentration(1, true, 1) / DemoSensingSweat.Concentration(1, false, 1), 1e-12);
        Assert.Equal(1.3374806, DemoSensingSweat.Concentration(2, true, 0.25) / DemoSensingSweat.Concentration(2, false, 0.25), 1e-7);
        Assert.Equal(2.0, DemoSensingSweat.Concentration(1, false, 0), 1e-12); // IL-6's typical level

        // Readings of one day: the log2 contrast of the geometric means is log2 3.2 = 1.678 ± noise (reading SD 0.08 log10, 12 readings a side,
        // the day's shift shared): SD of the difference √(2 × 0.08²/12) = 0.033 log10 = 0.11 log2; ±0.35 is 3 SD.
        var day = new DateOnly(2026, 3, 2);
        var readings = DemoSensingSweat.Locations.SelectMany(l => DemoSensingSweat.Day(day, l.Lesional, 1, 77)
            .Select(r => new CytokineReading(r.Time, DemoSensingSweat.Panel[r.Cytokine].Cytokine, l.Location, l.Lesional, r.Response is null ? null : r.Concentration, r.Response is null ? ReadingFlag.ChannelFailed : ReadingFlag.Ok))).ToList();
        var contrasts = SweatSeries.LesionalContrasts(readings);
        Assert.Equal(5, contrasts.Count);
        Assert.All(contrasts, c => Assert.InRange(c.Log2Ratio, 1.678 - 0.35, 1.678 + 0.35));
    }

    [Fact]
    public void Inflammation_index_alerts_on_a_flare_after_the_baseline_week_and_not_on_improvement()
    {
        // Seven baseline days at activity 1, then four days at 1.6 (a flare) or 0.25 (a responder).
        // By hand: the pooled daily log10 level moves by Δa × (log10 4 + log10 1.25)/2 = 0.6 × 0.3495 = 0.210 against a
        // baseline SD of about √(0.05² + 0.08²/24) = 0.052, so z ≈ 4.0 per cytokine on every flare day (alert on the third),
        // and −0.75 × 0.3495 / 0.052 ≈ −5.0 for the responder.
        static IReadOnlyList<InflammationIndexDay> Index(double later)
        {
            var start = new DateOnly(2026, 3, 1);
            var readings = new List<CytokineReading>();
            for (var d = 0; d < 11; d++)
            {
                var activity = d < 7 ? 1 : later;
                foreach (var (location, lesional) in DemoSensingSweat.Locations)
                {
                    readings.AddRange(DemoSensingSweat.Day(start.AddDays(d), lesional, activity, 991).Where(r => r.Response is not null)
                        .Select(r => new CytokineReading(r.Time, DemoSensingSweat.Panel[r.Cytokine].Cytokine, location, lesional, r.Concentration, ReadingFlag.Ok)));
                }
            }

            return InflammationIndex.Compute(readings, new InflammationIndexOptions { BaselineDays = 7 }).Days;
        }

        var flare = Index(1.6);
        var alert = Assert.Single(SweatAlerts.Evaluate(flare, new SweatAlertRules(2, 3)));
        Assert.Equal(new DateOnly(2026, 3, 10), alert.Day);
        Assert.All(flare.Where(d => !d.IsBaseline), d => Assert.InRange(d.Index!.Value, 2.5, 5.5));

        var responder = Index(0.25);
        Assert.Empty(SweatAlerts.Evaluate(responder, new SweatAlertRules(2, 3)));
        Assert.All(responder.Where(d => !d.IsBaseline), d => Assert.InRange(d.Index!.Value, -7.5, -3));
    }
}
