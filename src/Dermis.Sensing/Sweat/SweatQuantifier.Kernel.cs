using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Dermis.Sensing.Sweat;

/// <summary>The bulk kernel of <see cref="SweatQuantifier"/>: spans in, spans out, SIMD log/exp in cache-sized blocks.</summary>
public sealed partial class SweatQuantifier
{
    /// <summary>Quantifies every response (the bulk kernel): concentrations and flags only, no intervals.</summary>
    /// <remarks>
    /// Works in blocks of <see cref="BlockLength"/> readings that stay in cache: a scalar pass sets each flag and the
    /// base of the inverse's power (NaN where there is no concentration), then <see cref="TensorPrimitives"/> turns the
    /// block into C·base^(1/B) as exp(ln(base)/B + ln C) in SIMD. Results equal <see cref="Quantify"/> to about 1e-14
    /// relative (SIMD exp/log round differently from <see cref="Math.Pow"/>); the output does not depend on the block length.
    /// </remarks>
    /// <param name="responses">Responses, one per reading.</param>
    /// <param name="concentrations">Receives the concentration; NaN where the flag carries no concentration (BelowLod, AboveTopStandard, BeyondAsymptote, ChannelFailed), the span encoding of "no value".</param>
    /// <param name="flags">Receives each reading's flag.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void QuantifyAll(ReadOnlySpan<double> responses, Span<double> concentrations, Span<ReadingFlag> flags)
    {
        CheckLengths(responses.Length, concentrations.Length, flags.Length);
        for (var start = 0; start < responses.Length; start += BlockLength)
        {
            var length = Math.Min(BlockLength, responses.Length - start);
            QuantifyBlock(responses.Slice(start, length), concentrations.Slice(start, length), flags.Slice(start, length));
        }
    }

    /// <summary>Quantifies every response and flags readings whose window's sweat rate is below the minimum (<see cref="ReadingFlag.LowSweatVolume"/>).</summary>
    /// <param name="responses">Responses, one per reading.</param>
    /// <param name="sweatRatesMicrolitresPerMinutePerCm2">Sweat rate of each reading's window in µL·min⁻¹·cm⁻²; NaN where the patch has no rate channel (then no rate flag).</param>
    /// <param name="concentrations">Receives the concentration; NaN where the flag carries no concentration.</param>
    /// <param name="flags">Receives each reading's flag.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void QuantifyAll(ReadOnlySpan<double> responses, ReadOnlySpan<double> sweatRatesMicrolitresPerMinutePerCm2, Span<double> concentrations, Span<ReadingFlag> flags)
    {
        CheckLengths(responses.Length, sweatRatesMicrolitresPerMinutePerCm2.Length, flags.Length);
        QuantifyAll(responses, concentrations, flags);
        for (var i = 0; i < responses.Length; i++)
        {
            if (flags[i] <= ReadingFlag.BelowLoq && sweatRatesMicrolitresPerMinutePerCm2[i] < _minimumRate)
            {
                flags[i] = ReadingFlag.LowSweatVolume;
            }
        }
    }

    /// <summary>Readings per block of the bulk kernel: 4,096 doubles (32 KiB) in and out stay in L1/L2 between passes.</summary>
    internal const int BlockLength = 4096;

    private void QuantifyBlock(ReadOnlySpan<double> responses, Span<double> concentrations, Span<ReadingFlag> flags)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            flags[i] = Prepare(responses[i], out concentrations[i]);
        }

        // x = C·r^(1/B) = exp(ln r / B + ln C): TensorPrimitives.Log and Exp are SIMD, its Pow is not (.NET 10).
        switch (_model)
        {
            case CurveModel.FourParameterLogistic:
                TensorPrimitives.Log(concentrations, concentrations);
                TensorPrimitives.Multiply(concentrations, _invB, concentrations);
                TensorPrimitives.Add(concentrations, _lnC, concentrations);
                TensorPrimitives.Exp(concentrations, concentrations);
                break;
            case CurveModel.FiveParameterLogistic:
                TensorPrimitives.Log(concentrations, concentrations);
                TensorPrimitives.Multiply(concentrations, _invE, concentrations);
                TensorPrimitives.Exp(concentrations, concentrations);
                TensorPrimitives.Subtract(concentrations, 1.0, concentrations);
                TensorPrimitives.Log(concentrations, concentrations);
                TensorPrimitives.Multiply(concentrations, _invB, concentrations);
                TensorPrimitives.Add(concentrations, _lnC, concentrations);
                TensorPrimitives.Exp(concentrations, concentrations);
                break;
            default:
                TensorPrimitives.Exp(concentrations, concentrations);
                break;
        }

        for (var i = 0; i < responses.Length; i++)
        {
            var x = concentrations[i];
            if (flags[i] <= ReadingFlag.BelowLoq && (!(x > 0) || double.IsInfinity(x)))
            {
                // Underflow at the very edge of an asymptote (or a 5PL base rounding to ≤ 1): no usable inverse.
                (flags[i], concentrations[i]) = (ReadingFlag.BeyondAsymptote, double.NaN);
            }
        }
    }

    /// <summary>The flag of a response and the base the block's power turns into the concentration (NaN without one).</summary>
    /// <remarks>Early returns measured as fast as a select (conditional-move) form on random flags, so the plain form stays.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadingFlag Prepare(double y, out double powerBase)
    {
        powerBase = double.NaN;
        var flag = Classify(y);
        if (flag > ReadingFlag.BelowLoq)
        {
            return flag;
        }

        powerBase = _model switch
        {
            CurveModel.FourParameterLogistic => (_aMinusD / (y - _d)) - 1,
            CurveModel.FiveParameterLogistic => _aMinusD / (y - _d),
            _ => (y - _intercept) * _ln10OverSlope,
        };
        return flag;
    }
}
