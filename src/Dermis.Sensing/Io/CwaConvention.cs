namespace Dermis.Sensing.Io;

/// <summary>
/// Which published decoder an Axivity CWA read follows where the two disagree: the block's fractional
/// timestamp and the temperature formula. Acceleration and the way time is spread across a block are the same.
/// </summary>
public enum CwaConvention
{
    /// <summary>
    /// The manufacturer's decoder (Open Movement <c>cwa.h</c> and <c>cwa-convert</c>): a block whose device-id
    /// field has its top bit set carries a 1/32,768 s fraction of the timestamp, which is used (and the
    /// backwards-compatible whole-sample shift of the timestamp offset undone); temperature °C = raw × 75 / 256 − 50.
    /// </summary>
    OpenMovement = 0,

    /// <summary>
    /// SKDH's decoder (<c>read_axivity.f95</c>, scikit-digital-health; doi:10.2196/36762): the fractional
    /// timestamp is ignored (times differ from <see cref="OpenMovement"/> by under one sample period) and
    /// temperature °C = (raw − 171) / 3.142. Reproduces SKDH's decode of its test file.
    /// </summary>
    Skdh = 1,
}
