using System.Globalization;

namespace Dermis.Sensing.Io;

/// <summary>
/// Reads and writes accelerometer samples as comma-separated text: a header row, then one row per sample.
/// </summary>
/// <remarks>
/// <para>
/// Columns are found by header name (case-insensitive, any order; other columns are ignored):
/// <c>time</c> (also <c>time_unix_s</c>, <c>timestamp</c>), <c>x</c>, <c>y</c>, <c>z</c> in g (also
/// <c>accel_x_g</c>, …), optional <c>temperature</c> in °C (also <c>temperature_c</c>) and <c>light</c>. No
/// quoting: every field is a number or a time. Blank lines are skipped.
/// </para>
/// <para>
/// A time is either Unix seconds (a decimal number, taken as-is) or ISO 8601
/// (<c>2019-05-21T16:16:43.5-04:00</c>). All rows must use the same form. ISO times with an offset are
/// kept as wall-clock time at the first row's offset, which becomes
/// <see cref="AccelerometerRecording.UtcOffset"/> (later rows with another offset, e.g. after a daylight-saving
/// change, are converted to it); ISO times without an offset are wall-clock times with no known offset.
/// </para>
/// <para>
/// Errors are <see cref="FormatException"/>s that start with <c>line N:</c> (1-based, counting the header)
/// and name the column.
/// </para>
/// </remarks>
public static class AccelerometerCsvReader
{
    private static readonly string[] TimeNames = ["time", "time_unix_s", "timestamp"];
    private static readonly string[] XNames = ["x", "accel_x_g"];
    private static readonly string[] YNames = ["y", "accel_y_g"];
    private static readonly string[] ZNames = ["z", "accel_z_g"];
    private static readonly string[] TemperatureNames = ["temperature", "temperature_c"];
    private static readonly string[] LightNames = ["light"];

    private enum TimeForm
    {
        Unknown,
        UnixSeconds,
        IsoWithOffset,
        IsoWithoutOffset,
    }

    /// <summary>Reads a CSV recording, estimating the sample rate from the times.</summary>
    /// <param name="reader">The text, from its header row.</param>
    /// <returns>
    /// A recording of device type <c>csv</c>. The rate is the mean of the intervals that lie within ±10 % of
    /// the median interval (gaps and jitter outliers excluded); at least two rows are needed.
    /// </returns>
    /// <exception cref="FormatException">Malformed input; the message starts with <c>line N:</c>.</exception>
    public static AccelerometerRecording Read(TextReader reader) => Read(reader, null);

    /// <summary>Reads a CSV recording with a known sample rate.</summary>
    /// <param name="reader">The text, from its header row.</param>
    /// <param name="sampleRateHz">The nominal rate in Hz (finite, &gt; 0), or null to estimate it as <see cref="Read(TextReader)"/> does.</param>
    /// <returns>A recording of device type <c>csv</c>.</returns>
    /// <exception cref="FormatException">Malformed input; the message starts with <c>line N:</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is not finite and positive.</exception>
    public static AccelerometerRecording Read(TextReader reader, double? sampleRateHz)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (sampleRateHz is { } given && (!double.IsFinite(given) || given <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), given, "The sample rate must be finite and greater than 0 Hz.");
        }

        var lineNumber = 0;
        string? line;
        do
        {
            line = reader.ReadLine();
            lineNumber++;
        }
        while (line is not null && string.IsNullOrWhiteSpace(line));

        if (line is null)
        {
            throw new FormatException("line 1: the CSV is empty; expected a header row such as 'time,x,y,z'.");
        }

        var layout = Layout.FromHeader(line, lineNumber);
        var time = new List<double>();
        var x = new List<float>();
        var y = new List<float>();
        var z = new List<float>();
        var temperature = layout.Temperature >= 0 ? new List<float>() : null;
        var light = layout.Light >= 0 ? new List<float>() : null;
        var form = TimeForm.Unknown;
        var firstLine = 0;
        TimeSpan? offset = null;
        var bounds = new int[layout.Columns + 1];

        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Split(line, lineNumber, layout, bounds);
            var t = ParseTime(Field(line, bounds, layout.Time), lineNumber, layout, ref form, ref firstLine, ref offset);
            time.Add(t);
            x.Add(ParseFloat(line, bounds, layout.X, lineNumber, layout));
            y.Add(ParseFloat(line, bounds, layout.Y, lineNumber, layout));
            z.Add(ParseFloat(line, bounds, layout.Z, lineNumber, layout));
            temperature?.Add(ParseFloat(line, bounds, layout.Temperature, lineNumber, layout));
            light?.Add(ParseFloat(line, bounds, layout.Light, lineNumber, layout));
        }

        if (time.Count == 0)
        {
            throw new FormatException($"line {lineNumber}: the CSV has a header but no data rows.");
        }

        var times = time.ToArray();
        var rate = sampleRateHz ?? EstimateRateHz(times, firstLine);
        return new AccelerometerRecording("csv", rate, times, x.ToArray(), y.ToArray(), z.ToArray())
        {
            UtcOffset = offset,
            TemperatureC = temperature?.ToArray(),
            Light = light?.ToArray(),
        };
    }

    /// <summary>
    /// Writes <paramref name="recording"/> as CSV: header <c>time,x,y,z</c> plus <c>temperature</c> and
    /// <c>light</c> when present; times as Unix seconds and values in shortest round-trip form, so
    /// <see cref="Read(TextReader)"/> gives back the same numbers. <see cref="AccelerometerRecording.UtcOffset"/>,
    /// device type and serial are not written.
    /// </summary>
    /// <param name="recording">The samples to write.</param>
    /// <param name="writer">Where to write; not flushed or closed.</param>
    public static void Write(AccelerometerRecording recording, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(writer);
        var temperature = recording.TemperatureC;
        var light = recording.Light;
        writer.Write("time,x,y,z");
        if (temperature is not null)
        {
            writer.Write(",temperature");
        }

        if (light is not null)
        {
            writer.Write(",light");
        }

        writer.Write('\n');
        Span<char> buffer = stackalloc char[160];
        for (var i = 0; i < recording.Count; i++)
        {
            var n = 0;
            n += Format(recording.TimeUnixSeconds[i], buffer[n..]);
            buffer[n++] = ',';
            n += Format(recording.X[i], buffer[n..]);
            buffer[n++] = ',';
            n += Format(recording.Y[i], buffer[n..]);
            buffer[n++] = ',';
            n += Format(recording.Z[i], buffer[n..]);
            if (temperature is not null)
            {
                buffer[n++] = ',';
                n += Format(temperature[i], buffer[n..]);
            }

            if (light is not null)
            {
                buffer[n++] = ',';
                n += Format(light[i], buffer[n..]);
            }

            buffer[n++] = '\n';
            writer.Write(buffer[..n]);
        }
    }

    private static int Format(double value, Span<char> into) =>
        value.TryFormat(into, out var written, "R", CultureInfo.InvariantCulture) ? written : throw new InvalidOperationException("A number did not fit the row buffer.");

    private static int Format(float value, Span<char> into) =>
        value.TryFormat(into, out var written, "R", CultureInfo.InvariantCulture) ? written : throw new InvalidOperationException("A number did not fit the row buffer.");

    // bounds[k] is the index of the comma before field k (−1 for the first); bounds[Columns] is the line length.
    private static void Split(string line, int lineNumber, Layout layout, int[] bounds)
    {
        bounds[0] = -1;
        var field = 1;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == ',')
            {
                if (field >= layout.Columns)
                {
                    throw new FormatException($"line {lineNumber}: {CountFields(line)} columns, but the header has {layout.Columns} ({layout.HeaderText}).");
                }

                bounds[field++] = i;
            }
        }

        if (field != layout.Columns)
        {
            throw new FormatException($"line {lineNumber}: {field} column{(field == 1 ? string.Empty : "s")}, but the header has {layout.Columns} ({layout.HeaderText}).");
        }

        bounds[field] = line.Length;
    }

    private static int CountFields(string line)
    {
        var count = 1;
        foreach (var c in line)
        {
            if (c == ',')
            {
                count++;
            }
        }

        return count;
    }

    private static ReadOnlySpan<char> Field(string line, int[] bounds, int column) =>
        line.AsSpan(bounds[column] + 1, bounds[column + 1] - bounds[column] - 1).Trim();

    private static float ParseFloat(string line, int[] bounds, int column, int lineNumber, Layout layout)
    {
        var text = Field(line, bounds, column);
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value))
        {
            return value;
        }

        throw new FormatException($"line {lineNumber}, column {column + 1} ({layout.Names[column]}): '{GeneActivReader.Printable(text.ToString())}' is not a finite number.");
    }

    private static double ParseTime(ReadOnlySpan<char> text, int lineNumber, Layout layout, ref TimeForm form, ref int firstLine, ref TimeSpan? offset)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (!double.IsFinite(seconds))
            {
                throw new FormatException($"{Where(lineNumber, layout)}: '{text}' is not a finite number of seconds.");
            }

            Expect(TimeForm.UnixSeconds, ref form, ref firstLine, lineNumber, layout);
            return seconds;
        }

        var isIso = text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-';
        if (!isIso || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            throw new FormatException($"{Where(lineNumber, layout)}: '{GeneActivReader.Printable(text.ToString())}' is neither Unix seconds nor an ISO 8601 time such as 2019-05-21T16:16:43.5-04:00.");
        }

        var withOffset = HasOffset(text);
        Expect(withOffset ? TimeForm.IsoWithOffset : TimeForm.IsoWithoutOffset, ref form, ref firstLine, lineNumber, layout);
        long wallTicks;
        if (withOffset)
        {
            offset ??= instant.Offset;
            wallTicks = instant.UtcTicks + offset.Value.Ticks;
        }
        else
        {
            wallTicks = instant.UtcTicks;
        }

        return (wallTicks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerSecond;
    }

    // An offset is a 'Z' or a sign after the time-of-day part ("…T16:16:43.5-04:00").
    private static bool HasOffset(ReadOnlySpan<char> text)
    {
        var timeStart = text.IndexOfAny('T', 't', ' ');
        if (timeStart < 0)
        {
            return false;
        }

        var timePart = text[(timeStart + 1)..];
        return timePart.IndexOfAny('Z', 'z') >= 0 || timePart.IndexOfAny('+', '-') >= 0;
    }

    private static string Where(int lineNumber, Layout layout) => $"line {lineNumber}, column {layout.Time + 1} ({layout.Names[layout.Time]})";

    private static void Expect(TimeForm found, ref TimeForm form, ref int firstLine, int lineNumber, Layout layout)
    {
        if (form == TimeForm.Unknown)
        {
            form = found;
            firstLine = lineNumber;
        }
        else if (form != found)
        {
            throw new FormatException($"{Where(lineNumber, layout)}: the time is {Describe(found)} but line {firstLine}'s is {Describe(form)}; use one form throughout.");
        }
    }

    private static string Describe(TimeForm form) => form switch
    {
        TimeForm.UnixSeconds => "Unix seconds",
        TimeForm.IsoWithOffset => "ISO 8601 with a UTC offset",
        _ => "ISO 8601 without a UTC offset",
    };

    private static double EstimateRateHz(double[] times, int firstLine)
    {
        if (times.Length < 2)
        {
            throw new FormatException($"line {firstLine}: a single data row gives no sample rate; pass sampleRateHz to Read.");
        }

        var intervals = new double[times.Length - 1];
        for (var i = 0; i < intervals.Length; i++)
        {
            intervals[i] = times[i + 1] - times[i];
        }

        var sorted = (double[])intervals.Clone();
        Array.Sort(sorted);
        var median = sorted[sorted.Length / 2];
        if (!(median > 0))
        {
            throw new FormatException($"line {firstLine}: the median interval between rows is {median.ToString(CultureInfo.InvariantCulture)} s, so no sample rate can be estimated; times must increase (or pass sampleRateHz to Read).");
        }

        // Sum over contiguous runs telescopes, so the mean keeps full precision where single intervals do not.
        double sum = 0;
        var count = 0;
        foreach (var interval in intervals)
        {
            if (Math.Abs(interval - median) <= 0.1 * median)
            {
                sum += interval;
                count++;
            }
        }

        var rate = count / sum;
        if (!double.IsFinite(rate) || rate <= 0)
        {
            throw new FormatException($"line {firstLine}: the intervals between rows (median {median.ToString(CultureInfo.InvariantCulture)} s) give no finite sample rate; check the time column (or pass sampleRateHz to Read).");
        }

        return rate;
    }

    private sealed class Layout
    {
        public required int Columns { get; init; }

        public required string[] Names { get; init; }

        public required string HeaderText { get; init; }

        public required int Time { get; init; }

        public required int X { get; init; }

        public required int Y { get; init; }

        public required int Z { get; init; }

        public required int Temperature { get; init; }

        public required int Light { get; init; }

        public static Layout FromHeader(string line, int lineNumber)
        {
            var names = line.Split(',');
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = names[i].Trim().TrimStart('\uFEFF');
            }

            var header = GeneActivReader.Printable(line.Trim());
            return new Layout
            {
                Columns = names.Length,
                Names = names,
                HeaderText = header,
                Time = Find(names, TimeNames, required: true, lineNumber, header),
                X = Find(names, XNames, required: true, lineNumber, header),
                Y = Find(names, YNames, required: true, lineNumber, header),
                Z = Find(names, ZNames, required: true, lineNumber, header),
                Temperature = Find(names, TemperatureNames, required: false, lineNumber, header),
                Light = Find(names, LightNames, required: false, lineNumber, header),
            };
        }

        private static int Find(string[] names, string[] accepted, bool required, int lineNumber, string header)
        {
            var found = -1;
            for (var i = 0; i < names.Length; i++)
            {
                foreach (var name in accepted)
                {
                    if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
                    {
                        if (found >= 0)
                        {
                            throw new FormatException($"line {lineNumber}: columns {found + 1} and {i + 1} both name the '{accepted[0]}' column.");
                        }

                        found = i;
                    }
                }
            }

            if (found < 0 && required)
            {
                throw new FormatException($"line {lineNumber}: the header has no '{accepted[0]}' column (found '{header}'); a header row such as 'time,x,y,z[,temperature]' is required.");
            }

            return found;
        }
    }
}
