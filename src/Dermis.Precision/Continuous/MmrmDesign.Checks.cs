using Dermis.Precision.Numerics;

namespace Dermis.Precision.Continuous;

internal sealed partial class MmrmDesign
{
    /// <summary>
    /// Throws when a fixed effect or covariance parameter cannot be estimated: an arm without observations at a visit,
    /// two visits never observed together (unstructured), too few observations, or collinear design columns.
    /// </summary>
    private void CheckEstimable(CovarianceStructure structure)
    {
        var cells = new int[Arms.Length, T];
        var together = new bool[T, T];
        for (var s = 0; s < Subjects; s++)
        {
            var arm = ArmOf(s);
            var visits = PatternVisits[SubjectPattern[s]];
            foreach (var a in visits)
            {
                cells[arm, a]++;
                foreach (var b in visits)
                {
                    together[a, b] = true;
                }
            }
        }

        for (var arm = 0; arm < Arms.Length; arm++)
        {
            for (var v = 0; v < T; v++)
            {
                if (cells[arm, v] == 0)
                {
                    throw ContinuousInput.Invalid(
                        $"data: arm '{Arms[arm]}' has no observed response at visit '{VisitNames[v]}'; the arm-by-visit effect there cannot be estimated (drop the visit from options.VisitOrder).");
                }
            }
        }

        if (structure == CovarianceStructure.Unstructured)
        {
            for (var a = 0; a < T; a++)
            {
                for (var b = a + 1; b < T; b++)
                {
                    if (!together[a, b])
                    {
                        throw ContinuousInput.Invalid(
                            $"data: no subject has responses at both '{VisitNames[a]}' and '{VisitNames[b]}'; their unstructured covariance is not identifiable (use CompoundSymmetry or Ar1).");
                    }
                }
            }
        }

        var parameters = CovarianceModel.Create(structure, T).ParameterCount;
        if (N <= P + parameters)
        {
            throw ContinuousInput.Invalid(
                $"data has {N} observed responses for {P} fixed effects and {parameters} covariance parameters; more than {P + parameters} are needed.");
        }

        var crossProduct = new double[P * P];
        for (var i = 0; i < N; i++)
        {
            var x = X.AsSpan(i * P, P);
            for (var r = 0; r < P; r++)
            {
                for (var c = 0; c <= r; c++)
                {
                    crossProduct[(r * P) + c] += x[r] * x[c];
                }
            }
        }

        var failed = DenseCholesky.Factor(crossProduct, P, 1e-10);
        if (failed >= 0)
        {
            throw ContinuousInput.Invalid(
                $"data: the fixed-effect term '{Terms[failed]}' is collinear with earlier terms (for example a stratum level that occurs in one arm only, or a constant baseline); the model cannot be estimated.");
        }
    }

    /// <summary>Arm index of subject <paramref name="subject"/> (read from its first design row).</summary>
    public int ArmOf(int subject)
    {
        var x = X.AsSpan(SubjectStart[subject] * P, P);
        for (var a = 1; a < Arms.Length; a++)
        {
            if (x[1 + a] == 1)
            {
                return a;
            }
        }

        return 0;
    }
}
