using Dermis.Sensing.Sweat;

namespace Dermis.Sensing.Tests.Sweat;

public sealed class CalibrationStandardsCsvTests
{
    [Fact]
    public void Read_groups_rows_per_lot_and_cytokine_with_canonical_names_and_units()
    {
        const string Csv = """
            lot,cytokine,concentration,response,unit
            L01,IL-6,0,0.010,pg/mL
            L01,il6,0.2,0.051,pg/mL
            L01,TNF-a,0,0.02,
            "L01",IL6,200,1.9,pg/mL

            L02,IL-6,2,0.3,ng/mL
            """;

        var sets = CalibrationStandardsCsv.Read(new StringReader(Csv));

        Assert.Equal(3, sets.Count);
        Assert.Equal(("L01", Cytokines.Il6, "pg/mL"), (sets[0].Lot, sets[0].Cytokine, sets[0].Unit));
        Assert.Equal([new(0, 0.010), new(0.2, 0.051), new(200, 1.9)], sets[0].Standards);
        Assert.Equal((Cytokines.TnfAlpha, "pg/mL"), (sets[1].Cytokine, sets[1].Unit));
        Assert.Equal(("L02", "ng/mL"), (sets[2].Lot, sets[2].Unit));
    }

    [Theory]
    [InlineData("L01,IL-6,abc,0.1", "Line 2, column 'concentration': 'abc' is not a number; allowed: a finite number ≥ 0 (0 for a blank), written with a dot (0.5).")]
    [InlineData("L01,IL-6,-1,0.1", "Line 2, column 'concentration': '-1' is negative; allowed: a finite number ≥ 0 (0 for a blank).")]
    [InlineData("L01,IL-6,1,NaN", "Line 2, column 'response': 'NaN' is not a number; allowed: a finite number, written with a dot (0.5).")]
    [InlineData(",IL-6,1,0.1", "Line 2, column 'lot': empty; allowed: a non-empty lot name.")]
    [InlineData("L01,IL-6,1", "Line 2: 3 fields, but the header has 4.")]
    public void Read_bad_row_throws_naming_line_column_and_allowed_values(string row, string message)
    {
        var e = Assert.Throws<FormatException>(() => CalibrationStandardsCsv.Read(new StringReader("lot,cytokine,concentration,response\n" + row)));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Read_unknown_unit_or_header_column_throws_listing_the_allowed_ones()
    {
        var unit = Assert.Throws<FormatException>(() => CalibrationStandardsCsv.Read(new StringReader("lot,cytokine,concentration,response,unit\nL1,IL-6,1,0.1,pg/ml")));
        var header = Assert.Throws<FormatException>(() => CalibrationStandardsCsv.Read(new StringReader("lot,cytokine,concentraton,response\n")));

        Assert.Equal("Line 2, column 'unit': 'pg/ml' is not an allowed unit; allowed (UCUM): fg/mL, pg/mL, ng/mL, ug/mL, amol/L, fmol/L, pmol/L, nmol/L.", unit.Message);
        Assert.Equal("Line 1, column 3: unknown column 'concentraton'; allowed: lot, cytokine, concentration, response, unit (optional).", header.Message);
    }

    [Fact]
    public void Read_cardillo_standards_from_csv_fit_the_reference_curve()
    {
        // The §2.6 (a) data as a lab would upload it.
        const string Csv = "lot,cytokine,concentration,response\nELISA-1,IL-8,0,0.0089\nELISA-1,IL-8,4.5,0.0419\nELISA-1,IL-8,10.6,0.0873\nELISA-1,IL-8,19.7,0.2599\nELISA-1,IL-8,40,0.7074\nELISA-1,IL-8,84,1.528\nELISA-1,IL-8,210,2.7739\n";

        var set = Assert.Single(CalibrationStandardsCsv.Read(new StringReader(Csv)));
        var curve = CalibrationFitter.Fit(set.Standards, CurveModel.FourParameterLogistic);

        Tolerance.Close(108.02, curve.Value("C"), 1e-3);
    }
}
