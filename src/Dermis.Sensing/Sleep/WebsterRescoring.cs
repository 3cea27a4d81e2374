namespace Dermis.Sensing.Sleep;

/// <summary>
/// Webster's rescoring of a per-minute sleep/wake sequence, which turns short stretches of low activity next to long
/// wake into wake and so raises specificity (Webster JB et al., <i>Sleep</i> 5(4):389–399 (1982),
/// doi:10.1093/sleep/5.4.389; Cole RJ et al., <i>Sleep</i> 15(5):461–469 (1992)).
/// </summary>
/// <remarks>
/// <para>Rules (a)–(c) run as one left-to-right pass exactly as in SKDH's <c>compute_sleep_predictions</c>: a wake
/// run is counted up to the next sleep epoch t; if the run is long enough, the epochs t … t+k−1 (k = 4, 3 or 1 for
/// the strongest enabled rule that applies) are set to wake, whatever they were, and they count towards the next wake
/// run. This reproduces SKDH's published rescored vector exactly.</para>
/// <para>Rules (d) and (e) then run on that result, (d) first and (e) on (d)'s output. Each looks at the runs of its
/// input at once: a sleep run with at most 6 (d) or 10 (e) epochs whose preceding and following wake runs both have at
/// least 10 (d) or 20 (e) epochs becomes wake. A run at either end of the record has no wake on one side and is kept.
/// SKDH's own rule (d) builds an integer mask and never fires in its test data; this one follows the published rule.</para>
/// </remarks>
public static class WebsterRescoring
{
    /// <summary>Returns a rescored copy of <paramref name="sleep"/>.</summary>
    /// <param name="sleep">Sleep (true) or wake (false) per 1-min epoch, e.g. from <see cref="ColeKripke"/>.</param>
    /// <param name="rules">The rules to apply; <see cref="WebsterRules.None"/> returns a plain copy.</param>
    /// <returns>A new array; the input is not changed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rules"/> holds an undefined flag.</exception>
    public static bool[] Apply(ReadOnlySpan<bool> sleep, WebsterRules rules)
    {
        var result = sleep.ToArray();
        ApplyInPlace(result, rules);
        return result;
    }

    /// <summary>Rescores <paramref name="sleep"/> in place; see <see cref="Apply(ReadOnlySpan{bool}, WebsterRules)"/>.</summary>
    /// <param name="sleep">Sleep (true) or wake (false) per 1-min epoch; overwritten.</param>
    /// <param name="rules">The rules to apply.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rules"/> holds an undefined flag.</exception>
    public static void ApplyInPlace(Span<bool> sleep, WebsterRules rules)
    {
        if ((rules & ~WebsterRules.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rules), rules, "Only the flags A, B, C, D and E of WebsterRules are defined.");
        }

        if ((rules & WebsterRules.Skdh) != 0)
        {
            ApplyAfterWake(sleep, rules);
        }

        if ((rules & WebsterRules.D) != 0)
        {
            RescoreSurroundedBouts(sleep, maxSleepEpochs: 6, minWakeEpochs: 10);
        }

        if ((rules & WebsterRules.E) != 0)
        {
            RescoreSurroundedBouts(sleep, maxSleepEpochs: 10, minWakeEpochs: 20);
        }
    }

    private static void ApplyAfterWake(Span<bool> sleep, WebsterRules rules)
    {
        bool a = (rules & WebsterRules.A) != 0, b = (rules & WebsterRules.B) != 0, c = (rules & WebsterRules.C) != 0;
        int wakeRun = 0;
        for (int t = 0; t < sleep.Length; t++)
        {
            if (!sleep[t])
            {
                wakeRun++;
                continue;
            }

            int rescore = c && wakeRun >= 15 ? 4
                : b && wakeRun >= 10 ? 3
                : a && wakeRun >= 4 ? 1
                : 0;
            sleep.Slice(t, Math.Min(rescore, sleep.Length - t)).Clear();
            wakeRun = 0;
        }
    }

    private static void RescoreSurroundedBouts(Span<bool> sleep, int maxSleepEpochs, int minWakeEpochs)
    {
        // Decide every bout from the runs of the input, then write, so one rescored bout cannot enable the next.
        var input = sleep.ToArray();
        int previousWake = 0;
        int i = 0;
        while (i < input.Length)
        {
            int start = i;
            bool value = input[i];
            while (i < input.Length && input[i] == value)
            {
                i++;
            }

            int length = i - start;
            if (!value)
            {
                previousWake = length;
                continue;
            }

            int nextWake = 0;
            while (i + nextWake < input.Length && !input[i + nextWake])
            {
                nextWake++;
            }

            if (length <= maxSleepEpochs && previousWake >= minWakeEpochs && nextWake >= minWakeEpochs)
            {
                sleep.Slice(start, length).Clear();
            }

            previousWake = 0;
        }
    }
}
