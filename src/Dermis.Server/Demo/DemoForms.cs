using System.Globalization;
using System.Text.Json.Nodes;

namespace Dermis.Server.Demo;

/// <summary>
/// eCRF and diary documents for the demo's simulated values, in the shapes of docs/scoring.md and the
/// protocol's custom forms. EASI is built from region signs and areas whose exact total is the nearest
/// the half-point scale allows to the simulated value (within 0.05 for every total 1–72).
/// </summary>
internal static class DemoForms
{
    private static readonly decimal[] SignValues = [0m, 1m, 1.5m, 2m, 2.5m, 3m];
    private static readonly string[] Regions = ["head", "upperLimbs", "trunk", "lowerLimbs"];
    private static readonly Dictionary<decimal, decimal[]> SignsBySum = BuildSigns();
    private static readonly Dictionary<int, (int Area, decimal Signs, int HeadArea, decimal HeadSigns)> EasiLayouts = BuildEasiLayouts();

    /// <summary>An adult EASI document whose total is the achievable value nearest <paramref name="target"/> (0–72).</summary>
    public static JsonObject Easi(decimal target, int ageYears)
    {
        var key = (int)Math.Round(Math.Clamp(target, 0m, 72m) * 20m, MidpointRounding.AwayFromZero);
        var regions = new JsonObject();
        var (area, signs, headArea, headSigns) = EasiLayouts[key];
        foreach (var region in Regions)
        {
            var (a, s) = region == "head" ? (headArea, headSigns) : (area, signs);
            var values = a == 0 ? [0m, 0m, 0m, 0m] : SignsBySum[s];
            regions[region] = new JsonObject
            {
                ["erythema"] = values[0], ["induration"] = values[1], ["excoriation"] = values[2], ["lichenification"] = values[3], ["area"] = a,
            };
        }

        return new JsonObject { ["ageYears"] = ageYears, ["regions"] = regions };
    }

    /// <summary>The total of <see cref="Easi"/> for <paramref name="target"/>, to the exact decimal.</summary>
    public static decimal EasiTotal(decimal target)
    {
        var key = (int)Math.Round(Math.Clamp(target, 0m, 72m) * 20m, MidpointRounding.AwayFromZero);
        var (area, signs, headArea, headSigns) = EasiLayouts[key];
        return (0.9m * area * signs) + (0.1m * headArea * headSigns);
    }

    public static JsonObject Viga(decimal grade) => new() { ["grade"] = (int)grade };

    /// <summary>Weekly PP-NRS form: the 7 daily ratings before baseline and the 7 before this visit.</summary>
    public static JsonObject Ppnrs(int[] baselineWeek, int[] currentWeek) => new()
    {
        ["baseline"] = new JsonArray(baselineWeek.Select(v => (JsonNode)v).ToArray()),
        ["current"] = new JsonArray(currentWeek.Select(v => (JsonNode)v).ToArray()),
        ["minimumDays"] = 4,
    };

    /// <summary>POEM answers (7 × 0–4) summing to <paramref name="total"/> (0–28).</summary>
    public static JsonObject Poem(int total)
    {
        total = Math.Clamp(total, 0, 28);
        var answers = new JsonArray();
        for (var q = 0; q < 7; q++)
        {
            answers.Add((total / 7) + (q < total % 7 ? 1 : 0));
        }

        return new JsonObject { ["answers"] = answers };
    }

    /// <summary>DLQI answers (10 questions) scoring <paramref name="total"/> (0–30).</summary>
    public static JsonObject Dlqi(int total)
    {
        total = Math.Clamp(total, 0, 30);
        string[] words = ["notAtAll", "aLittle", "aLot", "veryMuch"];
        var answers = new JsonArray();
        for (var q = 0; q < 10; q++)
        {
            var points = (total / 10) + (q < total % 10 ? 1 : 0);
            // Question 7 (index 6) answers "yes" for 3 points; "very much" is not offered there.
            answers.Add(q == 6 && points == 3 ? "yes" : words[points]);
        }

        return new JsonObject { ["answers"] = answers };
    }

    /// <summary>SCORAD from the extent (BSA %), an intensity level following EASI, and the itch and sleep VAS.</summary>
    public static JsonObject Scorad(decimal bsaPercent, decimal easi, decimal itch)
    {
        var level = (int)Math.Clamp(Math.Round(easi / 16m, MidpointRounding.AwayFromZero), 0, 3);
        var low = Math.Max(0, level - 1);
        return new JsonObject
        {
            ["extentPercent"] = bsaPercent,
            ["intensity"] = new JsonObject
            {
                ["erythema"] = level, ["oedema"] = low, ["oozing"] = low, ["excoriation"] = level, ["lichenification"] = level, ["dryness"] = Math.Min(3, level + 1),
            },
            ["pruritusVas"] = itch,
            ["sleeplessnessVas"] = Math.Round(itch * 0.7m, 1),
        };
    }

    /// <summary>Body surface area affected (%), from EASI (about 1.1 % per EASI point, at least 10 % at EASI ≥ 16).</summary>
    public static decimal Bsa(decimal easi) => Math.Clamp(Math.Round(easi * 1.1m, 0), easi >= 16 ? 10m : 0m, 100m);

    public static JsonObject Vitals(decimal weightKg, decimal heightCm, Random random) => new()
    {
        ["weight"] = weightKg,
        ["height"] = heightCm,
        ["systolic"] = random.Next(108, 142),
        ["diastolic"] = random.Next(64, 90),
        ["pulse"] = random.Next(58, 92),
        ["temperature"] = Math.Round(36.3m + (decimal)(random.NextDouble() * 0.9), 1),
    };

    public static JsonObject Demographics(DateOnly consentOn, int birthYear, string sex, Random random) => new()
    {
        ["consentDate"] = consentOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["birthDate"] = string.Create(CultureInfo.InvariantCulture, $"{birthYear}-{random.Next(1, 13):D2}"),
        ["sex"] = sex,
        ["ethnicity"] = random.NextDouble() < 0.12 ? "HL" : "NHL",
        ["fitzpatrick"] = new[] { "I", "II", "III", "IV", "V", "VI" }[random.Next(6)],
    };

    public static JsonObject MedicalHistory(DateOnly screenedOn, int birthYear, Random random)
    {
        var onsetAge = random.NextDouble() < 0.7 ? random.Next(0, 6) : random.Next(6, 30);
        var diagnosed = Math.Min(birthYear + onsetAge + 1, screenedOn.Year - 2);
        return new JsonObject
        {
            // A full date: the protocol's AD-duration check (daysBetween) cannot evaluate a year alone.
            ["diagnosisDate"] = string.Create(CultureInfo.InvariantCulture, $"{diagnosed}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}"),
            ["hanifinRajka"] = true,
            ["onsetAge"] = onsetAge,
            ["asthma"] = random.NextDouble() < 0.40,
            ["rhinitis"] = random.NextDouble() < 0.55,
            ["foodAllergy"] = random.NextDouble() < 0.30,
            ["tcsInadequate"] = true,
            ["priorSystemic"] = random.NextDouble() < 0.35,
            ["priorBiologic"] = false,
        };
    }

    private static Dictionary<decimal, decimal[]> BuildSigns()
    {
        var best = new Dictionary<decimal, decimal[]>();
        foreach (var a in SignValues)
        {
            foreach (var b in SignValues)
            {
                foreach (var c in SignValues)
                {
                    foreach (var d in SignValues)
                    {
                        decimal[] signs = [a, b, c, d];
                        var sum = a + b + c + d;
                        // Keep the most even split: a clinician's signs move together.
                        if (!best.TryGetValue(sum, out var kept) || signs.Max() - signs.Min() < kept.Max() - kept.Min())
                        {
                            best[sum] = signs;
                        }
                    }
                }
            }
        }

        return best;
    }

    private static Dictionary<int, (int, decimal, int, decimal)> BuildEasiLayouts()
    {
        // Three regions share one area and sign sum (weights 0.2 + 0.3 + 0.4 = 0.9) and the head is tuned
        // (weight 0.1), so total = 0.9·a·s + 0.1·a_h·s_h; the nearest total per 0.05 step, most even layout first.
        var layouts = new Dictionary<int, (int, decimal, int, decimal)>();
        var errors = new decimal[1441];
        Array.Fill(errors, decimal.MaxValue);
        var sums = SignsBySum.Keys.Where(s => s > 0).ToArray();
        for (var area = 0; area <= 6; area++)
        {
            foreach (var signs in area == 0 ? [0m] : sums)
            {
                for (var headArea = 0; headArea <= 6; headArea++)
                {
                    foreach (var headSigns in headArea == 0 ? [0m] : sums)
                    {
                        var total = (0.9m * area * signs) + (0.1m * headArea * headSigns);
                        for (var key = Math.Max(0, (int)(total * 20) - 40); key <= Math.Min(1440, (int)(total * 20) + 40); key++)
                        {
                            var error = Math.Abs(total - (key / 20m)) + (Math.Abs(area - headArea) * 0.0001m);
                            if (error < errors[key])
                            {
                                errors[key] = error;
                                layouts[key] = (area, signs, headArea, headSigns);
                            }
                        }
                    }
                }
            }
        }

        return layouts;
    }
}
