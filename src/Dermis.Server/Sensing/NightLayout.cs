using System.Runtime.InteropServices;
using Dermis.Storage.Trials;
using Dermis.Trials.Workflow;

namespace Dermis.Server.Sensing;

/// <summary>
/// A night's batches laid out on one time axis (docs/sensing.md, "Nights"): clipped to the night's span,
/// in time order, the samples of the earlier batch kept where two overlap (never merged), and every
/// sample no batch covers held at the previous value (stillness; the first sample takes
/// <c>firstFill</c>), counted as missing.
/// </summary>
/// <param name="Channels">One array per channel, all the same length.</param>
/// <param name="Start">Time of the first laid-out sample.</param>
/// <param name="End">Time just after the last.</param>
/// <param name="RateHz">Samples per second per channel.</param>
/// <param name="MissingSamples">Samples per channel no batch covered.</param>
internal sealed record NightLayout(float[][] Channels, DateTimeOffset Start, DateTimeOffset End, double RateHz, int MissingSamples)
{
    /// <summary>Seconds no batch covered.</summary>
    public double GapSeconds => MissingSamples / RateHz;

    /// <summary>Lays out <paramref name="batches"/> (time order, at least one, all at one rate) between <paramref name="from"/> and <paramref name="to"/>.</summary>
    /// <exception cref="DomainRuleException">The batches have different rates.</exception>
    public static NightLayout Of(IReadOnlyList<SensorBatchRow> batches, DateTimeOffset from, DateTimeOffset to, ReadOnlySpan<float> firstFill)
    {
        var rate = batches[0].SampleRate;
        var channelCount = firstFill.Length;
        var start = UtcText.Parse(batches[0].StartUtc);
        start = start < from ? from : start;
        var end = batches.Max(b => UtcText.Parse(b.EndUtc));
        end = end > to ? to : end;
        var count = Math.Max(0, (int)Math.Round((end - start).TotalSeconds * rate));
        var channels = new float[channelCount][];
        for (var c = 0; c < channelCount; c++)
        {
            channels[c] = new float[count];
        }

        var filled = new bool[count];
        foreach (var batch in batches)
        {
            if (Math.Abs(batch.SampleRate - rate) > 1e-6)
            {
                throw new DomainRuleException("mixed-rates", $"The night's batches have different rates ({rate} and {batch.SampleRate} Hz); resample on the device.");
            }

            var samples = MemoryMarshal.Cast<byte, float>(batch.Samples);
            var offset = (int)Math.Round((UtcText.Parse(batch.StartUtc) - start).TotalSeconds * rate);
            for (var i = 0; i < batch.SampleCount; i++)
            {
                var t = offset + i;
                if (t < 0 || t >= count || filled[t])
                {
                    continue; // outside the night, or already covered by an earlier batch
                }

                for (var c = 0; c < channelCount; c++)
                {
                    channels[c][t] = samples[(channelCount * i) + c];
                }

                filled[t] = true;
            }
        }

        var missing = 0;
        for (var t = 0; t < count; t++)
        {
            if (!filled[t])
            {
                missing++;
                for (var c = 0; c < channelCount; c++)
                {
                    channels[c][t] = t > 0 ? channels[c][t - 1] : firstFill[c];
                }
            }
        }

        return new NightLayout(channels, start, end, rate, missing);
    }
}
