using System.Globalization;

namespace Dermis.Sensing.Tests.Io;

/// <summary>
/// The SKDH expected decodes (<c>*_decoded.csv</c>), parsed here with plain string splitting so the readers
/// under test are checked against an independent parse.
/// </summary>
internal sealed class DecodedCsv
{
    private DecodedCsv(string[] header, double[][] columns)
    {
        Header = header;
        Columns = columns;
    }

    public string[] Header { get; }

    public int Count => Columns[0].Length;

    public double[] Time => Column("time_unix_s");

    public double[] X => Column("accel_x_g");

    public double[] Y => Column("accel_y_g");

    public double[] Z => Column("accel_z_g");

    public double[] Temperature => Column("temperature_c");

    private double[][] Columns { get; }

    public double[] Column(string name) => Columns[Array.IndexOf(Header, name)];

    public static DecodedCsv Load(params string[] pathParts)
    {
        var lines = File.ReadAllLines(SharedData.PathOf(pathParts));
        var header = lines[0].Split(',');
        var columns = new double[header.Length][];
        for (var c = 0; c < header.Length; c++)
        {
            columns[c] = new double[lines.Length - 1];
        }

        for (var r = 1; r < lines.Length; r++)
        {
            var fields = lines[r].Split(',');
            for (var c = 0; c < header.Length; c++)
            {
                columns[c][r - 1] = double.Parse(fields[c], CultureInfo.InvariantCulture);
            }
        }

        return new DecodedCsv(header, columns);
    }

    public static double MaxAbsError(float[] actual, double[] expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        var max = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
        }

        return max;
    }

    public static double MaxAbsError(double[] actual, double[] expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        var max = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
        }

        return max;
    }
}
