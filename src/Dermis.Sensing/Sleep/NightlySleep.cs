namespace Dermis.Sensing.Sleep;

/// <summary>
/// The standard nightly sleep measures of one sleep window, from per-epoch sleep/wake flags
/// (Mahadevan N et al. <i>npj Digit Med</i> 4:42 (2021), Table 4, doi:10.1038/s41746-021-00402-x; SKDH
/// <c>skdh.sleep.endpoints</c>).
/// </summary>
/// <param name="TotalSleepOpportunityMinutes">TSO: length of the sleep window, min.</param>
/// <param name="TotalSleepTimeMinutes">TST: sleep epochs inside the window, min.</param>
/// <param name="SleepEfficiency">TST / TSO as a fraction 0–1 (SKDH's "percent time asleep" / 100), computed as the ratio of the two epoch counts rounded once to double; 0 when no epoch is sleep.</param>
/// <param name="WakeAfterSleepOnsetMinutes">WASO: wake epochs between the first and the last sleep epoch, min; NaN when no epoch is sleep.</param>
/// <param name="SleepOnsetLatencyMinutes">SOL: time from the window start to the first sleep epoch, min; NaN when no epoch is sleep.</param>
/// <param name="Awakenings">Number of wake bouts between the first and the last sleep epoch (each run of one or more wake epochs counts once); 0 when no epoch is sleep.</param>
public sealed record NightlySleep(
    double TotalSleepOpportunityMinutes,
    double TotalSleepTimeMinutes,
    double SleepEfficiency,
    double WakeAfterSleepOnsetMinutes,
    double SleepOnsetLatencyMinutes,
    int Awakenings)
{
    /// <summary>Summarises the epochs of one sleep window.</summary>
    /// <remarks>
    /// WASO and awakenings end at the last sleep epoch: the final wake before the window closes is neither, as in
    /// SKDH. SKDH counts awakenings as (sleep→wake transitions − 1), which undercounts by one when the window ends in
    /// sleep; this count does not.
    /// </remarks>
    /// <param name="sleep">Sleep (true) or wake (false) for each epoch of the window, in order; at least one epoch.</param>
    /// <param name="epochSeconds">Epoch length, s, ≥ 1 (60 for Cole–Kripke on the activity index).</param>
    /// <returns>The measures.</returns>
    /// <exception cref="ArgumentException">The window has no epochs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The epoch length is below 1 s.</exception>
    public static NightlySleep Summarise(ReadOnlySpan<bool> sleep, int epochSeconds = 60)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochSeconds, 1);
        if (sleep.IsEmpty)
        {
            throw new ArgumentException("The sleep window has no epochs; detect a window (SleepWindow.Detect) that covers at least one epoch.", nameof(sleep));
        }

        double minutesPerEpoch = epochSeconds / 60.0;
        int first = sleep.IndexOf(true);
        if (first < 0)
        {
            return new NightlySleep(sleep.Length * minutesPerEpoch, 0, 0, double.NaN, double.NaN, 0);
        }

        int last = sleep.LastIndexOf(true);
        int sleepEpochs = 0, wakeAfterOnset = 0, awakenings = 0;
        for (int t = first; t <= last; t++)
        {
            if (sleep[t])
            {
                sleepEpochs++;
            }
            else
            {
                wakeAfterOnset++;
                awakenings += sleep[t - 1] ? 1 : 0;
            }
        }

        return new NightlySleep(
            sleep.Length * minutesPerEpoch,
            sleepEpochs * minutesPerEpoch,
            (double)sleepEpochs / sleep.Length,
            wakeAfterOnset * minutesPerEpoch,
            first * minutesPerEpoch,
            awakenings);
    }

    /// <summary>Summarises the epochs of a whole recording that fall inside <paramref name="window"/>.</summary>
    /// <param name="sleep">Sleep (true) or wake (false) per epoch from the first sample of the recording.</param>
    /// <param name="window">The sleep window, in seconds from the same first sample.</param>
    /// <param name="epochSeconds">Epoch length, s, ≥ 1.</param>
    /// <returns>The measures over epochs ⌊start / epoch⌋ … ⌈end / epoch⌉ − 1, clipped to the recording.</returns>
    /// <exception cref="ArgumentException">The window covers no epoch of <paramref name="sleep"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The epoch length is below 1 s.</exception>
    public static NightlySleep Summarise(ReadOnlySpan<bool> sleep, SleepWindow window, int epochSeconds = 60)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochSeconds, 1);
        int start = Math.Max(0, (int)Math.Floor(window.StartSeconds / epochSeconds));
        int end = Math.Min(sleep.Length, (int)Math.Ceiling(window.EndSeconds / epochSeconds));
        if (end <= start)
        {
            throw new ArgumentException(
                $"The window {window.StartSeconds}–{window.EndSeconds} s covers none of the {sleep.Length} epochs of {epochSeconds} s.", nameof(window));
        }

        return Summarise(sleep[start..end], epochSeconds);
    }
}
