using Dermis.Sensing.Sweat;

namespace Dermis.Sensing.Tests.Sweat;

/// <summary>The published calibration data sets of biomarkers.md §2.6, copied here with their sources.</summary>
internal static class CalibrationData
{
    /// <summary>
    /// The 7-point ELISA standard curve of Cardillo, "Four parameters logistic regression — There and back again", MATLAB
    /// File Exchange 38122, example in <c>dnafinder/logistic4/L4P.m</c> (biomarkers.md §2.6 (a)); one blank at x = 0.
    /// </summary>
    public static IReadOnlyList<CalibrationStandard> CardilloElisa { get; } =
    [
        new(0, 0.0089), new(4.5, 0.0419), new(10.6, 0.0873), new(19.7, 0.2599), new(40, 0.7074), new(84, 1.528), new(210, 2.7739),
    ];

    /// <summary>
    /// Miller et al., "Sub-picomolar lateral flow antigen detection with two-wavelength imaging of composite
    /// nanoparticles", Biosens Bioelectron 2022;114133, file <c>test/test_file_2.xlsx</c> of
    /// <c>bensmiller/detection-limit-fitting</c> (biomarkers.md §2.6 (b)): concentration in aM, six blanks and triplicates
    /// of eleven 4-fold dilutions.
    /// </summary>
    public static IReadOnlyList<CalibrationStandard> MillerBlanks { get; } =
    [
        new(0, -0.0112), new(0, 0.0028), new(0, 0.0311), new(0, 0.0505), new(0, -0.0585), new(0, -0.0148),
    ];

    /// <summary>The 33 non-blank points of Miller 2022 test_file_2 (see <see cref="MillerBlanks"/>).</summary>
    public static IReadOnlyList<CalibrationStandard> MillerTriplicates { get; } = Triplicates(
        (1.04e8, 1.3757, 1.4186, 1.3981),
        (2.6e7, 1.4189, 1.3955, 1.3785),
        (6.5e6, 1.4228, 1.4342, 1.4197),
        (1.625e6, 1.4830, 1.4758, 1.4860),
        (406_250, 1.4435, 1.4205, 1.2144),
        (101_562.5, 1.0997, 1.1994, 0.9361),
        (25_390.625, 0.5574, 0.1054, 0.4683),
        (6_347.656, 0.0800, 0.0008, 0.1030),
        (1_586.914, 0.0541, 0.0056, 0.0055),
        (396.729, 0.0179, 0.2000, -0.0307),
        (99.182, -0.0384, 0.0962, 0.0771));

    /// <summary>Blanks and triplicates together (39 standards).</summary>
    public static IReadOnlyList<CalibrationStandard> MillerAll { get; } = [.. MillerBlanks, .. MillerTriplicates];

    private static List<CalibrationStandard> Triplicates(params (double X, double R1, double R2, double R3)[] rows)
    {
        var list = new List<CalibrationStandard>();
        foreach (var (x, r1, r2, r3) in rows)
        {
            list.Add(new(x, r1));
            list.Add(new(x, r2));
            list.Add(new(x, r3));
        }

        return list;
    }
}
