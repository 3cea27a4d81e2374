using System.CommandLine;
using System.Globalization;
using Dermis.Precision.Design;
using Dermis.Precision.Endpoints;

namespace Dermis.Cli.Commands;

internal static partial class StatsCommand
{
    private static Command Power()
    {
        var power = new Command("power", "Sample size per arm and power for a responder (two proportions, optionally stratified) or a continuous (ANCOVA) endpoint.");
        power.Subcommands.Add(ResponderPower());
        power.Subcommands.Add(ContinuousPower());
        power.Subcommands.Add(SimulatedPower());
        return power;
    }

    private static Command ResponderPower()
    {
        var control = new Option<double>("--control-rate") { Description = "Responder rate under control, 0–1 (e.g. 0.15 for placebo EASI-75).", Required = true };
        var treated = new Option<double>("--treated-rate") { Description = "Responder rate under treatment, 0–1.", Required = true };
        var (alpha, target) = (Alpha(), TargetPower());
        var ratio = new Option<double>("--ratio") { Description = "Treated per control participant (default 1).", DefaultValueFactory = _ => 1 };
        var continuity = new Option<bool>("--continuity") { Description = "Fleiss' continuity correction." };
        var strata = new Option<string?>("--strata") { Description = "Stratified (CMH) design: fraction:controlRate:treatedRate per stratum, comma-separated, e.g. 0.6:0.1:0.4,0.4:0.2:0.5." };
        var command = new Command("responder", "Two proportions: sample size per arm (as R power.prop.test), or the CMH sample size over strata.")
        {
            control, treated, alpha, target, ratio, continuity, strata,
        };
        command.SetAction((parseResult, _) => DermisCommand.GuardAsync(parseResult, async writer =>
        {
            var a = parseResult.GetValue(alpha);
            var p = parseResult.GetValue(target);
            var r = parseResult.GetValue(ratio);
            var p0 = Rate(parseResult.GetValue(control), "--control-rate");
            var p1 = Rate(parseResult.GetValue(treated), "--treated-rate");
            Check(a, p, r);
            if (parseResult.GetValue(strata) is { } text)
            {
                var design = Strata(text);
                var n = Guard(() => SampleSize.StratifiedProportions(design, a, p), "--strata");
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"CMH test over {design.Count} strata, two-sided alpha {a}, power {p}: {n} participants in total ({design.Count} strata by fraction)"));
                return ExitCodes.Success;
            }

            var perArm = Guard(() => SampleSize.TwoProportions(p0, p1, a, p, r, parseResult.GetValue(continuity)), "--control-rate");
            var treatedN = (int)Math.Ceiling(perArm * r);
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Two proportions {p0} vs {p1}, two-sided alpha {a}, power {p}{(parseResult.GetValue(continuity) ? ", continuity-corrected" : "")}: control {perArm}, treated {treatedN}, total {perArm + treatedN}"));
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Power at that size: {Dermis.Precision.Design.Power.TwoProportions(perArm, p0, p1, a, r, parseResult.GetValue(continuity)):F4}"));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ContinuousPower()
    {
        var difference = new Option<double>("--difference") { Description = "Treatment difference to detect (e.g. 25 percentage points of EASI change).", Required = true };
        var sd = new Option<double>("--sd") { Description = "Standard deviation of the endpoint (> 0).", Required = true };
        var correlation = new Option<double>("--baseline-correlation") { Description = "Correlation of the endpoint with its baseline covariate, 0 ≤ ρ < 1 (ANCOVA reduces the variance by 1 − ρ²; default 0).", DefaultValueFactory = _ => 0 };
        var (alpha, target) = (Alpha(), TargetPower());
        var command = new Command("continuous", "ANCOVA (baseline-adjusted) sample size per arm: the two-sample t-test size (as R power.t.test) shrunk by 1 − ρ².")
        {
            difference, sd, correlation, alpha, target,
        };
        command.SetAction((parseResult, _) => DermisCommand.GuardAsync(parseResult, async writer =>
        {
            var a = parseResult.GetValue(alpha);
            var p = parseResult.GetValue(target);
            Check(a, p, 1);
            var s = parseResult.GetValue(sd);
            if (!(s > 0) || !double.IsFinite(s))
            {
                throw new CommandLineInputException($"--sd: {s.ToString(CultureInfo.InvariantCulture)} must be a positive number");
            }

            var rho = parseResult.GetValue(correlation);
            if (!(rho >= 0 && rho < 1))
            {
                throw new CommandLineInputException($"--baseline-correlation: {rho.ToString(CultureInfo.InvariantCulture)} is outside [0, 1)");
            }

            var d = parseResult.GetValue(difference);
            var n = Guard(() => SampleSize.Ancova(d, s, rho, a, p), "--difference");
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"ANCOVA, difference {d} with SD {s} and baseline correlation {rho}, two-sided alpha {a}, power {p}: {n} per arm, {2 * n} in total"));
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Power at that size: {Dermis.Precision.Design.Power.Ancova(n, d, s, rho, a):F4}"));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command SimulatedPower()
    {
        var participants = new Option<int>("--participants") { Description = "Participants randomised 1:1 (20–5000, default 240).", DefaultValueFactory = _ => 240 };
        var runs = new Option<int>("--runs") { Description = "Simulated trials (10–100000, default 500).", DefaultValueFactory = _ => 500 };
        var control = new Option<double>("--control-rate") { Description = "EASI-75 rate under placebo at week 16, 0–1 (default 0.15, SOLO 1/2).", DefaultValueFactory = _ => 0.15 };
        var treated = new Option<double>("--treated-rate") { Description = "EASI-75 rate under treatment at week 16, 0–1 (default 0.48).", DefaultValueFactory = _ => 0.48 };
        var week = new Option<int>("--week") { Description = "Visit week tested (one of 2, 4, 8, 12, 16; default 16).", DefaultValueFactory = _ => 16 };
        var seed = new Option<int>("--seed") { Description = "Seed (default 1).", DefaultValueFactory = _ => 1 };
        var alpha = Alpha();
        var command = new Command("simulate", "Power by simulation over the platform's trial generator: EASI-75 (NRI + CMH) and EASI percent change (MMRM, unstructured, Kenward–Roger).")
        {
            participants, runs, control, treated, week, seed, alpha,
        };
        command.SetAction((parseResult, _) => DermisCommand.GuardAsync(parseResult, async writer =>
        {
            var n = parseResult.GetValue(participants);
            var r = parseResult.GetValue(runs);
            var a = parseResult.GetValue(alpha);
            var w = parseResult.GetValue(week);
            if (n is < 20 or > 5000)
            {
                throw new CommandLineInputException($"--participants: {n} is outside [20, 5000]");
            }

            if (r is < 10 or > 100_000)
            {
                throw new CommandLineInputException($"--runs: {r} is outside [10, 100000]");
            }

            if (w is not (2 or 4 or 8 or 12 or 16))
            {
                throw new CommandLineInputException($"--week: {w} is not a visit week; allowed 2, 4, 8, 12, 16");
            }

            Check(a, 0.9, 1);
            var simulator = new TrialSimulator(TrialSettings.SoloLike(n, null, Rate(parseResult.GetValue(control), "--control-rate"), Rate(parseResult.GetValue(treated), "--treated-rate")));
            var s = parseResult.GetValue(seed);
            var responder = Dermis.Precision.Design.Power.Simulate(simulator.Easi75Trial(w, "active", "placebo", a), r, s);
            var mmrm = Dermis.Precision.Design.Power.Simulate(SimulatedEndpoints.MmrmTrial(simulator, w, "active", "placebo", a), r, s);
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{r} simulated trials of {n} participants (1:1), week {w}, two-sided alpha {a}, seed {s}:"));
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  EASI-75, NRI + CMH:           power {responder.Power:F3} (95 % CI {responder.Lower:F3}–{responder.Upper:F3})"));
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  EASI % change, MMRM (UN, KR): power {mmrm.Power:F3} (95 % CI {mmrm.Lower:F3}–{mmrm.Upper:F3})"));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Option<double> Alpha() => new("--alpha") { Description = "Two-sided significance level, 0–0.5 (default 0.05).", DefaultValueFactory = _ => 0.05 };

    private static Option<double> TargetPower() => new("--power") { Description = "Target power, 0.5–0.999 (default 0.9).", DefaultValueFactory = _ => 0.9 };

    private static void Check(double alpha, double power, double ratio)
    {
        if (!(alpha > 0 && alpha <= 0.5))
        {
            throw new CommandLineInputException($"--alpha: {alpha.ToString(CultureInfo.InvariantCulture)} is outside (0, 0.5]");
        }

        if (!(power >= 0.5 && power <= 0.999))
        {
            throw new CommandLineInputException($"--power: {power.ToString(CultureInfo.InvariantCulture)} is outside [0.5, 0.999]");
        }

        if (!(ratio >= 0.1 && ratio <= 10))
        {
            throw new CommandLineInputException($"--ratio: {ratio.ToString(CultureInfo.InvariantCulture)} is outside [0.1, 10]");
        }
    }

    private static double Rate(double value, string option) =>
        value is > 0 and < 1 ? value : throw new CommandLineInputException($"{option}: {value.ToString(CultureInfo.InvariantCulture)} is outside (0, 1)");

    private static List<StratumDesign> Strata(string text)
    {
        var strata = new List<StratumDesign>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = part.Split(':');
            if (fields.Length != 3 || !fields.All(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                throw new CommandLineInputException($"--strata: '{part}' is not fraction:controlRate:treatedRate (e.g. 0.6:0.1:0.4)");
            }

            var v = fields.Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            if (!(v[0] is > 0 and <= 1) || !(v[1] is > 0 and < 1) || !(v[2] is > 0 and < 1))
            {
                throw new CommandLineInputException($"--strata: '{part}': the fraction must be in (0, 1] and the rates in (0, 1)");
            }

            strata.Add(new StratumDesign(v[0], v[1], v[2]));
        }

        if (strata.Count == 0 || Math.Abs(strata.Sum(s => s.Fraction) - 1) > 1e-6)
        {
            throw new CommandLineInputException($"--strata: the fractions must add up to 1 (they add up to {strata.Sum(s => s.Fraction).ToString(CultureInfo.InvariantCulture)})");
        }

        return strata;
    }

    private static int Guard(Func<int> compute, string option)
    {
        try
        {
            return compute();
        }
        catch (ArgumentException e)
        {
            throw new CommandLineInputException($"{option}: {Message(e)}");
        }
    }
}
