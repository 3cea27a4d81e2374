using System.Globalization;

namespace Dermis.Precision.Continuous;

/// <summary>
/// The MMRM data after validation: observed responses grouped by subject (visits in order), the fixed-effects design
/// response ~ baseline + arm + visit + strata + arm:visit + baseline:visit in R's column order, and the subjects'
/// missingness patterns (each pattern's Σ sub-matrix is factored once per iteration).
/// </summary>
internal sealed partial class MmrmDesign
{
    private MmrmDesign(string[] visits, string[] arms, string[][] strataLevels, int subjects, int observations)
    {
        VisitNames = visits;
        Arms = arms;
        StrataLevels = strataLevels;
        var columns = 2 + (arms.Length - 1) + (visits.Length - 1);
        StrataStart = columns;
        foreach (var levels in strataLevels)
        {
            columns += levels.Length - 1;
        }

        ArmVisitStart = columns;
        columns += (arms.Length - 1) * (visits.Length - 1);
        BaselineVisitStart = columns;
        columns += visits.Length - 1;
        P = columns;
        N = observations;
        X = new double[observations * columns];
        Y = new double[observations];
        VisitOf = new int[observations];
        SubjectStart = new int[subjects + 1];
        SubjectPattern = new int[subjects];
        SubjectIds = new string[subjects];
        Terms = new string[columns];
    }

    /// <summary>Visit names in order (T of them).</summary>
    public string[] VisitNames { get; }

    /// <summary>Arms, reference first.</summary>
    public string[] Arms { get; }

    /// <summary>Levels of each stratification factor (first = reference).</summary>
    public string[][] StrataLevels { get; }

    /// <summary>Number of visits T.</summary>
    public int T => VisitNames.Length;

    /// <summary>Fixed-effect columns.</summary>
    public int P { get; }

    /// <summary>Observed responses.</summary>
    public int N { get; }

    /// <summary>Analysed subjects.</summary>
    public int Subjects => SubjectIds.Length;

    /// <summary>Design matrix, N × P row-major, rows grouped by subject.</summary>
    public double[] X { get; }

    /// <summary>Responses.</summary>
    public double[] Y { get; }

    /// <summary>Visit index of each observation.</summary>
    public int[] VisitOf { get; }

    /// <summary>First observation of each subject; SubjectStart[Subjects] = N.</summary>
    public int[] SubjectStart { get; }

    /// <summary>Missingness pattern of each subject.</summary>
    public int[] SubjectPattern { get; }

    /// <summary>Subject identifiers in analysis order.</summary>
    public string[] SubjectIds { get; }

    /// <summary>Observed visit indices of each pattern.</summary>
    public int[][] PatternVisits { get; private set; } = [];

    /// <summary>Term name of each column.</summary>
    public string[] Terms { get; }

    /// <summary>Mean baseline over the analysed subjects (the LS-mean reference value).</summary>
    public double BaselineMean { get; private set; }

    private int StrataStart { get; }

    private int ArmVisitStart { get; }

    private int BaselineVisitStart { get; }

    /// <summary>
    /// The coefficient vector L for the LS mean of arm <paramref name="arm"/> at visit <paramref name="visit"/>:
    /// baseline at its subject mean, every stratum level weighted equally.
    /// </summary>
    public double[] GridVector(int arm, int visit)
    {
        var l = new double[P];
        l[0] = 1;
        l[1] = BaselineMean;
        if (arm > 0)
        {
            l[1 + arm] = 1;
        }

        var column = StrataStart;
        foreach (var levels in StrataLevels)
        {
            for (var level = 1; level < levels.Length; level++)
            {
                l[column++] = 1.0 / levels.Length;
            }
        }

        if (visit > 0)
        {
            l[1 + (Arms.Length - 1) + visit] = 1;
            l[BaselineVisitStart + visit - 1] = BaselineMean;
            if (arm > 0)
            {
                l[ArmVisitColumn(arm, visit)] = 1;
            }
        }

        return l;
    }

    private int ArmVisitColumn(int arm, int visit) => ArmVisitStart + ((visit - 1) * (Arms.Length - 1)) + arm - 1;

    private void FillRow(int row, int arm, int visit, double baseline, int[] strata)
    {
        var x = X.AsSpan(row * P, P);
        x[0] = 1;
        x[1] = baseline;
        if (arm > 0)
        {
            x[1 + arm] = 1;
        }

        var column = StrataStart;
        for (var f = 0; f < StrataLevels.Length; f++)
        {
            if (strata[f] > 0)
            {
                x[column + strata[f] - 1] = 1;
            }

            column += StrataLevels[f].Length - 1;
        }

        if (visit > 0)
        {
            x[1 + (Arms.Length - 1) + visit] = 1;
            x[BaselineVisitStart + visit - 1] = baseline;
            if (arm > 0)
            {
                x[ArmVisitColumn(arm, visit)] = 1;
            }
        }
    }

    private void NameTerms()
    {
        Terms[0] = "(Intercept)";
        Terms[1] = "Baseline";
        for (var a = 1; a < Arms.Length; a++)
        {
            Terms[1 + a] = $"Arm[{Arms[a]}]";
        }

        for (var v = 1; v < T; v++)
        {
            Terms[1 + (Arms.Length - 1) + v] = $"Visit[{VisitNames[v]}]";
            Terms[BaselineVisitStart + v - 1] = $"Baseline:Visit[{VisitNames[v]}]";
            for (var a = 1; a < Arms.Length; a++)
            {
                Terms[ArmVisitColumn(a, v)] = $"Arm[{Arms[a]}]:Visit[{VisitNames[v]}]";
            }
        }

        var column = StrataStart;
        for (var f = 0; f < StrataLevels.Length; f++)
        {
            for (var level = 1; level < StrataLevels[f].Length; level++)
            {
                Terms[column++] = string.Create(CultureInfo.InvariantCulture, $"Stratum{f + 1}[{StrataLevels[f][level]}]");
            }
        }
    }
}
