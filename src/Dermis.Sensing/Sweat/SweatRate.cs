using System.Globalization;

namespace Dermis.Sensing.Sweat;

/// <summary>
/// Sweat-rate normalisation (biomarkers.md §2.4, item 3): the secretion rate (flux) of a cytokine through the skin,
/// concentration × local sweat rate, reported beside the concentration because concentration alone depends on how fast
/// the gland secretes (Sato &amp; Sato, Am J Physiol 266:R950, 1994; Baker &amp; Wolfe, Eur J Appl Physiol 120:719, 2020).
/// </summary>
/// <remarks>
/// Units: pg/mL × µL·min⁻¹·cm⁻² = pg·mL⁻¹ × 10⁻³ mL·min⁻¹·cm⁻² = 10⁻³ pg·cm⁻²·min⁻¹, so
/// flux [pg·cm⁻²·min⁻¹] = C [pg/mL] × rate [µL·min⁻¹·cm⁻²] / 1000 (the same factor for any mass unit per mL).
/// </remarks>
public static class SweatRate
{
    /// <summary>mL per µL: the factor that turns pg/mL × µL·min⁻¹·cm⁻² into pg·cm⁻²·min⁻¹.</summary>
    public const double MillilitresPerMicrolitre = 1e-3;

    /// <summary>The secretion rate of one reading in pg·cm⁻²·min⁻¹ (for a concentration in pg/mL).</summary>
    /// <param name="concentrationPgPerMl">Concentration in pg/mL, finite and ≥ 0.</param>
    /// <param name="sweatRateMicrolitresPerMinutePerCm2">Local sweat rate in µL·min⁻¹·cm⁻², finite and ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite.</exception>
    public static double SecretionPgPerCm2PerMinute(double concentrationPgPerMl, double sweatRateMicrolitresPerMinutePerCm2)
    {
        if (!double.IsFinite(concentrationPgPerMl) || concentrationPgPerMl < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(concentrationPgPerMl), concentrationPgPerMl, "Allowed: a finite concentration ≥ 0 pg/mL.");
        }

        if (!double.IsFinite(sweatRateMicrolitresPerMinutePerCm2) || sweatRateMicrolitresPerMinutePerCm2 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sweatRateMicrolitresPerMinutePerCm2), sweatRateMicrolitresPerMinutePerCm2, "Allowed: a finite sweat rate ≥ 0 µL/min/cm².");
        }

        return concentrationPgPerMl * sweatRateMicrolitresPerMinutePerCm2 * MillilitresPerMicrolitre;
    }

    /// <summary>
    /// Secretion rates of many readings (the kernel): flux = C × rate / 1000 in pg·cm⁻²·min⁻¹, NaN where the
    /// concentration or rate is NaN (no value); and <see cref="ReadingFlag.LowSweatVolume"/> written over Ok and
    /// BelowLoq flags whose rate is below <paramref name="minimumRateMicrolitresPerMinutePerCm2"/>.
    /// </summary>
    /// <param name="concentrationsPgPerMl">Concentrations in pg/mL; NaN for readings without one.</param>
    /// <param name="sweatRatesMicrolitresPerMinutePerCm2">Sweat rate of each reading's window in µL·min⁻¹·cm⁻²; NaN where unknown.</param>
    /// <param name="minimumRateMicrolitresPerMinutePerCm2">Rates below this (≥ 0) flag the reading as low sweat volume.</param>
    /// <param name="secretionPgPerCm2PerMinute">Receives the flux.</param>
    /// <param name="flags">The readings' flags, updated in place.</param>
    /// <exception cref="ArgumentException">The spans differ in length or the minimum is negative.</exception>
    public static void Normalise(
        ReadOnlySpan<double> concentrationsPgPerMl,
        ReadOnlySpan<double> sweatRatesMicrolitresPerMinutePerCm2,
        double minimumRateMicrolitresPerMinutePerCm2,
        Span<double> secretionPgPerCm2PerMinute,
        Span<ReadingFlag> flags)
    {
        var n = concentrationsPgPerMl.Length;
        if (sweatRatesMicrolitresPerMinutePerCm2.Length != n || secretionPgPerCm2PerMinute.Length != n || flags.Length != n)
        {
            throw new ArgumentException($"The spans differ in length: {n} concentrations, {sweatRatesMicrolitresPerMinutePerCm2.Length} rates, {secretionPgPerCm2PerMinute.Length} outputs, {flags.Length} flags; they must be equal.", nameof(sweatRatesMicrolitresPerMinutePerCm2));
        }

        if (!(minimumRateMicrolitresPerMinutePerCm2 >= 0) || !double.IsFinite(minimumRateMicrolitresPerMinutePerCm2))
        {
            throw new ArgumentException($"The minimum sweat rate is {minimumRateMicrolitresPerMinutePerCm2.ToString(CultureInfo.InvariantCulture)}; allowed: a finite rate ≥ 0 µL/min/cm².", nameof(minimumRateMicrolitresPerMinutePerCm2));
        }

        for (var i = 0; i < n; i++)
        {
            var rate = sweatRatesMicrolitresPerMinutePerCm2[i];
            secretionPgPerCm2PerMinute[i] = concentrationsPgPerMl[i] * rate * MillilitresPerMicrolitre;
            if (flags[i] <= ReadingFlag.BelowLoq && rate < minimumRateMicrolitresPerMinutePerCm2)
            {
                flags[i] = ReadingFlag.LowSweatVolume;
            }
        }
    }
}
