namespace Dermis.Precision.Design;

/// <summary>Range checks of <see cref="TrialSettings"/>; each message names the setting, its value and the allowed range.</summary>
internal static class TrialSettingsGuard
{
    public static void Validate(TrialSettings settings)
    {
        var s = settings;
        const string P = nameof(settings);
        if (s.Participants < 2)
        {
            throw new ArgumentException($"settings.Participants = {s.Participants}; allowed ≥ 2.", P);
        }

        if (s.VisitWeeks.Count < 2 || s.VisitWeeks[0] != 0)
        {
            throw new ArgumentException($"settings.VisitWeeks = [{string.Join(", ", s.VisitWeeks)}]; allowed: at least two weeks, the first 0 (baseline).", P);
        }

        for (var i = 1; i < s.VisitWeeks.Count; i++)
        {
            if (s.VisitWeeks[i] <= s.VisitWeeks[i - 1])
            {
                throw new ArgumentException($"settings.VisitWeeks = [{string.Join(", ", s.VisitWeeks)}]; allowed: strictly increasing.", P);
            }
        }

        if (s.Arms.Count < 2)
        {
            throw new ArgumentException($"settings.Arms has {s.Arms.Count} arm(s); allowed ≥ 2 (use TrialSettings.SoloLike for defaults).", P);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arm in s.Arms)
        {
            if (string.IsNullOrWhiteSpace(arm.Name) || !names.Add(arm.Name))
            {
                throw new ArgumentException($"settings.Arms: arm name '{arm.Name}' is empty or repeated; allowed: distinct names.", P);
            }

            if (arm.AllocationWeight < 1)
            {
                throw new ArgumentException($"settings.Arms['{arm.Name}'].AllocationWeight = {arm.AllocationWeight}; allowed ≥ 1.", P);
            }

            if (arm.MeanPercentChange.Count != s.VisitWeeks.Count)
            {
                throw new ArgumentException($"settings.Arms['{arm.Name}'].MeanPercentChange has {arm.MeanPercentChange.Count} entries; allowed {s.VisitWeeks.Count} (one per visit week).", P);
            }

            foreach (var m in arm.MeanPercentChange)
            {
                if (!(m > -100) || !double.IsFinite(m))
                {
                    throw new ArgumentException($"settings.Arms['{arm.Name}'].MeanPercentChange contains {m}; allowed > −100.", P);
                }
            }
        }

        if (s.Regions.Count == 0)
        {
            throw new ArgumentException("settings.Regions is empty; allowed: at least one region.", P);
        }

        Throw(Range(s.LogRatioSd, 1e-9, 5, "LogRatioSd"), P);
        Throw(Range(s.SubjectVarianceShare, 0, 1, "SubjectVarianceShare"), P);
        Throw(Range(s.VisitAutocorrelation, 0, 0.999999, "VisitAutocorrelation"), P);
        Throw(Range(s.DropoutByLastVisit, 0, 0.999999, "DropoutByLastVisit"), P);
        Throw(Range(s.RescuePerVisit, 0, 1, "RescuePerVisit"), P);
        Throw(Range(s.IgaNoiseSd, 0, 10, "IgaNoiseSd"), P);
        Throw(Range(s.ItchNoiseSd, 0, 10, "ItchNoiseSd"), P);
        Throw(Range(s.IgaPerLogRatio, -10, 10, "IgaPerLogRatio"), P);
        Throw(Range(s.ItchPerLogRatio, -10, 10, "ItchPerLogRatio"), P);
        Throw(Range(s.ItchOffset, -10, 10, "ItchOffset"), P);
    }

    private static string? Range(double value, double min, double max, string name) =>
        value >= min && value <= max ? null : $"settings.{name} = {value}; allowed {min}–{max}.";

    private static void Throw(string? message, string parameterName)
    {
        if (message is not null)
        {
            throw new ArgumentException(message, parameterName);
        }
    }
}
