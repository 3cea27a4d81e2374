namespace Dermis.Precision.Design;

/// <summary>One stratum of a stratified responder design (1:1 allocation within the stratum).</summary>
/// <param name="Fraction">Share of all participants in the stratum, 0 &lt; fraction ≤ 1; the fractions of a design sum to 1.</param>
/// <param name="ControlRate">Expected responder rate under control, 0 &lt; rate &lt; 1.</param>
/// <param name="TreatedRate">Expected responder rate under treatment, 0 &lt; rate &lt; 1.</param>
public sealed record StratumDesign(double Fraction, double ControlRate, double TreatedRate);

/// <summary>Simulated power: the share of simulated trials that rejected, with its exact (Clopper–Pearson) 95 % interval.</summary>
/// <param name="Power">Rejections / runs.</param>
/// <param name="Lower">Clopper–Pearson lower limit (0 when no run rejected).</param>
/// <param name="Upper">Clopper–Pearson upper limit (1 when every run rejected).</param>
/// <param name="Runs">Simulated trials.</param>
public sealed record SimulatedPower(double Power, double Lower, double Upper, int Runs);

/// <summary>Shared argument checks of the design entry points; messages name the field, the value and the range.</summary>
internal static class DesignGuard
{
    public static void Probability(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentException($"{name} = {value}; allowed 0 < {name} < 1.", name);
        }
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"{name} = {value}; allowed a finite value > 0.", name);
        }
    }

    public static void Different(double control, double treatedRate)
    {
        if (control == treatedRate)
        {
            throw new ArgumentException($"treatedRate = controlRate = {control}; allowed: two different rates (no difference has no sample size).", nameof(treatedRate));
        }
    }
}
