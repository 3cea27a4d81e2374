using System.Globalization;
using System.Text;

namespace Dermis.Sensing.Io;

/// <summary>
/// Reads a GENEActiv (Activinsights) <c>.bin</c> file: a text header of <c>key:value</c> lines, then one
/// page per 300 samples, each page a few <c>key:value</c> lines and one line of 3,600 hexadecimal characters.
/// </summary>
/// <remarks>
/// <para>
/// Each sample is 12 hex characters (48 bits): x, y, z as 12-bit two's complement counts, then 10 bits of
/// light, 1 button bit and 1 reserved bit. Acceleration in g is <c>(count × 100 − offset) / gain</c> with the
/// header's per-axis calibration, rounded to 4 decimals (0.1 mg, about 1/40 of one count) as GENEActiv's own
/// export and the SKDH reference decode do. Light in lux is <c>floor(light × lux / volts)</c> with the
/// header's <c>Lux</c> and <c>Volts</c>. Temperature (°C) is the page's, repeated for its 300 samples.
/// </para>
/// <para>
/// Sample <c>j</c> of a page is at <c>Page Time + j / fs</c>, where fs is the page's
/// <c>Measurement Frequency</c>; the page time is read as a wall-clock time (see
/// <see cref="AccelerometerRecording"/>) and the header's <c>Time Zone</c> becomes
/// <see cref="AccelerometerRecording.UtcOffset"/>. Reproduces SKDH's <c>ReadBin</c> (Adamowicz et al., JMIR
/// mHealth uHealth 10(4):e36762, 2022, doi:10.2196/36762) on its test file exactly.
/// </para>
/// <para>Exactly the header's <c>Number of Pages</c> pages are read; anything after them is ignored.</para>
/// </remarks>
public static class GeneActivReader
{
    /// <summary>Samples in one GENEActiv page.</summary>
    public const int SamplesPerPage = 300;

    private const int HexCharsPerSample = 12;
    private const int HexCharsPerPage = SamplesPerPage * HexCharsPerSample;
    private const string FirstLine = "Device Identity";
    private const string PageMarker = "Recorded Data";

    /// <summary>Decodes a whole GENEActiv file from <paramref name="stream"/> (read to the last declared page; not closed).</summary>
    /// <param name="stream">A readable stream positioned at the start of the file.</param>
    /// <returns>The recording, with temperature and light; device type <c>GENEActiv</c> unless the header names another.</returns>
    /// <exception cref="FormatException">
    /// The stream is not a GENEActiv file ("not a GENEActiv file: the first line is …"), a required header
    /// value is missing or malformed, a page is malformed, or the file ends before the declared pages.
    /// </exception>
    public static AccelerometerRecording Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long? bytesLeft = stream.CanSeek ? stream.Length - stream.Position : null;
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var lines = new LineSource(reader);

        var first = lines.Next();
        if (first is null)
        {
            throw new FormatException("not a GENEActiv file: it is empty.");
        }

        if (!string.Equals(first.Trim(), FirstLine, StringComparison.Ordinal))
        {
            throw new FormatException($"not a GENEActiv file: the first line is '{Printable(first)}' (expected '{FirstLine}').");
        }

        var header = ReadHeader(lines);
        var calibration = Calibration.From(header);
        var pageCount = header.RequireInt("Number of Pages", 0, int.MaxValue / SamplesPerPage);
        var headerRateHz = header.RequireLeadingNumber("Measurement Frequency");

        // The declared count is only trusted as far as the bytes can hold it (a page is at least its hex line), so a
        // corrupt header cannot make the reader allocate gigabytes: the arrays grow with the pages actually read.
        var capacity = (int)Math.Min(pageCount, bytesLeft / HexCharsPerPage ?? 1024) * SamplesPerPage;
        var time = new double[capacity];
        var x = new float[capacity];
        var y = new float[capacity];
        var z = new float[capacity];
        var temperature = new float[capacity];
        var light = calibration.HasLight ? new float[capacity] : null;
        var pageRateHz = double.NaN;
        var fields = new KeyValues("page");

        for (var page = 0; page < pageCount; page++)
        {
            if (page > 0)
            {
                ExpectPageMarker(lines, page, pageCount);
            }

            fields.Clear();
            fields.Context = $"page {page}";
            var data = ReadPageFields(lines, fields, page, pageCount);
            var rateHz = fields.RequireNumber("Measurement Frequency");
            if (page == 0)
            {
                pageRateHz = rateHz;
            }
            else if (rateHz != pageRateHz)
            {
                throw new FormatException($"page {page} (line {lines.LineNumber}): Measurement Frequency {rateHz.ToString(CultureInfo.InvariantCulture)} Hz differs from page 0's {pageRateHz.ToString(CultureInfo.InvariantCulture)} Hz; a recording must keep one sample rate.");
            }

            if (!(rateHz > 0) || !double.IsFinite(rateHz))
            {
                throw new FormatException($"page {page}: Measurement Frequency must be a positive number of Hz, not {rateHz.ToString(CultureInfo.InvariantCulture)}.");
            }

            var pageTime = fields.RequireTime("Page Time");
            var temperatureC = (float)fields.RequireNumber("Temperature");
            var start = page * SamplesPerPage;
            if (start == time.Length)
            {
                var length = (int)Math.Min(Math.Max(2L * time.Length, SamplesPerPage), (long)pageCount * SamplesPerPage);
                Array.Resize(ref time, length);
                Array.Resize(ref x, length);
                Array.Resize(ref y, length);
                Array.Resize(ref z, length);
                Array.Resize(ref temperature, length);
                if (light is not null)
                {
                    Array.Resize(ref light, length);
                }
            }

            DecodePage(data.AsSpan(0, HexCharsPerPage), calibration, page, lines.LineNumber, x.AsSpan(start, SamplesPerPage), y.AsSpan(start, SamplesPerPage), z.AsSpan(start, SamplesPerPage), light is null ? default : light.AsSpan(start, SamplesPerPage));
            for (var j = 0; j < SamplesPerPage; j++)
            {
                time[start + j] = pageTime + j / rateHz;
            }

            temperature.AsSpan(start, SamplesPerPage).Fill(temperatureC);
        }

        return new AccelerometerRecording(header.Get("Device Type") is { Length: > 0 } type ? type : "GENEActiv", pageCount > 0 ? pageRateHz : headerRateHz, time, x, y, z)
        {
            Serial = header.Get("Device Unique Serial Code"),
            UtcOffset = ParseTimeZone(header.Get("Time Zone")),
            TemperatureC = temperature,
            Light = light,
        };
    }

    private static KeyValues ReadHeader(LineSource lines)
    {
        var header = new KeyValues("GENEActiv header");
        while (true)
        {
            var line = lines.Next() ?? throw new FormatException($"truncated GENEActiv file: the header ends at line {lines.LineNumber} without a '{PageMarker}' line.");
            var trimmed = line.Trim();
            if (string.Equals(trimmed, PageMarker, StringComparison.Ordinal))
            {
                return header;
            }

            header.AddLine(trimmed);
        }
    }

    private static void ExpectPageMarker(LineSource lines, int page, int pageCount)
    {
        string? line;
        do
        {
            line = lines.Next();
            if (line is null)
            {
                throw Truncated(lines, page, pageCount);
            }
        }
        while (string.IsNullOrWhiteSpace(line));

        if (!string.Equals(line.Trim(), PageMarker, StringComparison.Ordinal))
        {
            throw new FormatException($"page {page} (line {lines.LineNumber}): expected '{PageMarker}', found '{Printable(line)}'.");
        }
    }

    // Returns the page's hex data line; fills fields with the key:value lines before it.
    private static string ReadPageFields(LineSource lines, KeyValues fields, int page, int pageCount)
    {
        while (true)
        {
            var line = lines.Next() ?? throw Truncated(lines, page, pageCount);
            if (line.Contains(':', StringComparison.Ordinal))
            {
                fields.AddLine(line.Trim());
                continue;
            }

            var data = line.TrimEnd();
            if (data.Length == 0)
            {
                continue;
            }

            if (data.Length < HexCharsPerPage)
            {
                throw new FormatException($"page {page} (line {lines.LineNumber}): the data line has {data.Length} of {HexCharsPerPage} hex characters; the file is truncated or corrupt.");
            }

            return data;
        }
    }

    private static FormatException Truncated(LineSource lines, int page, int pageCount) =>
        new($"truncated GENEActiv file: the header declares {pageCount} pages but the file ends at line {lines.LineNumber}, inside page {page}.");

    private static void DecodePage(ReadOnlySpan<char> hex, Calibration calibration, int page, int line, Span<float> x, Span<float> y, Span<float> z, Span<float> light)
    {
        var hasLight = !light.IsEmpty;
        for (var i = 0; i < SamplesPerPage; i++)
        {
            var s = hex.Slice(i * HexCharsPerSample, HexCharsPerSample);
            var rawX = Hex12(s, 0, page, line, i);
            var rawY = Hex12(s, 3, page, line, i);
            var rawZ = Hex12(s, 6, page, line, i);
            var rest = Hex12(s, 9, page, line, i);
            x[i] = calibration.X[rawX];
            y[i] = calibration.Y[rawY];
            z[i] = calibration.Z[rawZ];
            if (hasLight)
            {
                light[i] = calibration.Light[rest >> 2];
            }
        }
    }

    // Twelve bits from three hex characters; the tables are indexed by the unsigned 12-bit pattern.
    private static int Hex12(ReadOnlySpan<char> s, int at, int page, int line, int sample)
    {
        var a = Nibble(s[at]);
        var b = Nibble(s[at + 1]);
        var c = Nibble(s[at + 2]);
        if ((a | b | c) < 0)
        {
            var bad = a < 0 ? at : b < 0 ? at + 1 : at + 2;
            var column = (sample * HexCharsPerSample) + bad + 1;
            throw new FormatException($"page {page} (line {line}), column {column}: '{Printable(s[bad].ToString())}' is not a hexadecimal digit (sample {sample}).");
        }

        return (a << 8) | (b << 4) | c;
    }

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    // "GMT -04:00", "GMT +01:00", "GMT 00:00"; null when absent or not in that form.
    private static TimeSpan? ParseTimeZone(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var v = value.Trim();
        if (v.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || v.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            v = v[3..].Trim();
        }

        var sign = 1;
        if (v.StartsWith('-') || v.StartsWith('+'))
        {
            sign = v[0] == '-' ? -1 : 1;
            v = v[1..].Trim();
        }

        return TimeSpan.TryParseExact(v, @"hh\:mm", CultureInfo.InvariantCulture, out var offset) ? sign * offset : null;
    }

    internal static string Printable(string text)
    {
        const int Max = 60;
        var builder = new StringBuilder(Math.Min(text.Length, Max) + 1);
        foreach (var c in text)
        {
            if (builder.Length >= Max)
            {
                builder.Append('…');
                break;
            }

            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.ToString();
    }

    private sealed class LineSource(StreamReader reader)
    {
        public int LineNumber { get; private set; }

        public string? Next()
        {
            var line = reader.ReadLine();
            if (line is not null)
            {
                LineNumber++;
            }

            return line;
        }
    }

    // Per-file lookup tables: 4,096 counts per axis and 1,024 light levels, so decoding is table loads only.
    private sealed class Calibration
    {
        private Calibration(float[] x, float[] y, float[] z, float[] light)
        {
            X = x;
            Y = y;
            Z = z;
            Light = light;
        }

        public float[] X { get; }

        public float[] Y { get; }

        public float[] Z { get; }

        public float[] Light { get; }

        public bool HasLight => Light.Length > 0;

        public static Calibration From(KeyValues header)
        {
            var lux = header.RequireNumber("Lux");
            var volts = header.RequireNumber("Volts");
            var light = Array.Empty<float>();
            if (volts > 0)
            {
                light = new float[1024];
                var luxPerCount = lux / volts;
                for (var i = 0; i < light.Length; i++)
                {
                    light[i] = (float)Math.Floor(i * luxPerCount);
                }
            }

            return new Calibration(Axis(header, "x"), Axis(header, "y"), Axis(header, "z"), light);
        }

        private static float[] Axis(KeyValues header, string axis)
        {
            var gain = header.RequireNumber($"{axis} gain");
            var offset = header.RequireNumber($"{axis} offset");
            if (gain == 0)
            {
                throw new FormatException($"GENEActiv header: '{axis} gain' is 0; the calibration is unusable.");
            }

            var table = new float[4096];
            for (var pattern = 0; pattern < table.Length; pattern++)
            {
                var count = pattern > 2047 ? pattern - 4096 : pattern;
                table[pattern] = (float)Math.Round(((count * 100.0) - offset) / gain, 4);
            }

            return table;
        }
    }

    private sealed class KeyValues(string context)
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

        public string Context { get; set; } = context;

        public void Clear() => _values.Clear();

        public void AddLine(string line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                _values.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        public string? Get(string key) => _values.TryGetValue(key, out var value) ? value : null;

        public string Require(string key) => Get(key) ?? throw new FormatException($"{Context}: '{key}' is missing.");

        public double RequireNumber(string key)
        {
            var value = Require(key);
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? number
                : throw new FormatException($"{Context}: '{key}' is '{Printable(value)}', not a number.");
        }

        public int RequireInt(string key, int min, int max)
        {
            var value = Require(key);
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
                ? number
                : throw new FormatException($"{Context}: '{key}' is '{Printable(value)}'; expected an integer from {min} to {max}.");
        }

        // "50 Hz" → 50.
        public double RequireLeadingNumber(string key)
        {
            var value = Require(key);
            var end = 0;
            while (end < value.Length && (char.IsAsciiDigit(value[end]) || value[end] == '.'))
            {
                end++;
            }

            return double.TryParse(value.AsSpan(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 && double.IsFinite(number)
                ? number
                : throw new FormatException($"{Context}: '{key}' is '{Printable(value)}'; expected a positive number such as '50 Hz'.");
        }

        // "2019-05-21 16:16:43:500" (milliseconds after a colon) → wall-clock seconds since 1970-01-01.
        public double RequireTime(string key)
        {
            var value = Require(key);
            if (!DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss:fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                throw new FormatException($"{Context}: '{key}' is '{Printable(value)}'; expected 'yyyy-MM-dd HH:mm:ss:fff'.");
            }

            var whole = time.AddMilliseconds(-time.Millisecond);
            return (double)((whole - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond) + (time.Millisecond / 1000.0);
        }
    }
}
