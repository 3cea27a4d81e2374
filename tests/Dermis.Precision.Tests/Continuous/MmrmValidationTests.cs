using Dermis.Precision.Continuous;

namespace Dermis.Precision.Tests.Continuous;

/// <summary>Bad input gives an <see cref="ArgumentException"/> naming the field and value; non-convergence is a typed result.</summary>
public sealed class MmrmValidationTests
{
    private static readonly MmrmOptions Options = new() { VisitOrder = TrialFixture.Visits, ReferenceArm = "Placebo" };

    private static ArgumentException Throws(List<ContinuousObservation> data, MmrmOptions? options = null) =>
        Assert.ThrowsAny<ArgumentException>(() => Mmrm.Fit(data, options ?? Options));

    [Fact]
    public void Fit_visitNotInVisitOrder_namesVisitAndAllowed()
    {
        var data = TrialFixture.Trial();
        data[5] = data[5] with { Visit = "W12" };
        var error = Throws(data);
        Assert.Contains("data[5].Visit 'W12'", error.Message, StringComparison.Ordinal);
        Assert.Contains("W02, W04, W08, W16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_nanBaseline_namesRowAndValue()
    {
        var data = TrialFixture.Trial().Select(r => r.Subject == "S010" ? r with { Baseline = double.NaN } : r).ToList();
        var error = Throws(data);
        Assert.Contains("Baseline is NaN", error.Message, StringComparison.Ordinal);
        Assert.Contains("S010", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_referenceArmAbsent_listsArms()
    {
        var error = Throws(TrialFixture.Trial(), Options with { ReferenceArm = "Vehicle" });
        Assert.Equal("options.ReferenceArm", error.ParamName);
        Assert.Contains("'Vehicle'", error.Message, StringComparison.Ordinal);
        Assert.Contains("High, Low, Placebo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_armWithOneSubject_rejected()
    {
        var data = TrialFixture.Trial();
        var keep = data.First(r => r.Arm == "High").Subject;
        data = [.. data.Where(r => r.Arm != "High" || r.Subject == keep)];
        Assert.Contains("arm 'High' has 1 subject(s)", Throws(data).Message, StringComparison.Ordinal);
        Assert.Contains("arm 'High' has 1 subject(s)", Assert.ThrowsAny<ArgumentException>(
            () => Ancova.Fit([.. data.Where(r => r.Visit == "W16" && r.Response.HasValue)], new AncovaOptions { ReferenceArm = "Placebo" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_badOptions_nameTheOption()
    {
        Assert.Contains("options.ConfidenceLevel is 1.5", Throws(TrialFixture.Trial(), Options with { ConfidenceLevel = 1.5 }).Message, StringComparison.Ordinal);
        Assert.Contains("options.MaxIterations is 0", Throws(TrialFixture.Trial(), Options with { MaxIterations = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("repeated visit", Throws(TrialFixture.Trial(), Options with { VisitOrder = ["W02", "W02", "W08", "W16"] }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_armWithoutResponseAtVisit_rejected()
    {
        var data = TrialFixture.Trial().Select(r => r.Arm == "Low" && r.Visit == "W08" ? r with { Response = null } : r).ToList();
        Assert.Contains("arm 'Low' has no observed response at visit 'W08'", Throws(data).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_oneIteration_reportsNotConvergedWithFiniteNumbers()
    {
        var fit = Mmrm.Fit(TrialFixture.Trial(), Options with { MaxIterations = 1, Tolerance = 1e-15 });
        Assert.False(fit.Converged);
        Assert.Equal(1, fit.Iterations);
        Assert.All(fit.FixedEffects, f => Assert.True(double.IsFinite(f.Estimate) && double.IsFinite(f.StandardError)));
    }

    [Fact]
    public void Fit_subjectWithoutResponses_notAnalysed()
    {
        var fit = Mmrm.Fit(TrialFixture.Trial(), Options with { DegreesOfFreedom = DegreesOfFreedomMethod.Residual });
        Assert.Equal(149, fit.Subjects);
        Assert.Equal(600 - 78, fit.Observations);
        Assert.True(fit.Converged);
    }
}
