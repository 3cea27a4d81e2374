namespace Dermis.Sensing.Scratch;

/// <summary>
/// One nocturnal scratch episode, [<see cref="StartSeconds"/>, <see cref="EndSeconds"/>) from the start of the recording
/// (DiMe definition: rhythmic, repetitive skin-contact movement during intended sleep; JMIR 2023;25:e43617).
/// </summary>
public readonly record struct ScratchEvent
{
    /// <summary>An episode from <paramref name="startSeconds"/> to <paramref name="endSeconds"/>.</summary>
    /// <param name="startSeconds">Start, s from the recording start; finite and ≥ 0.</param>
    /// <param name="endSeconds">End, s; finite and ≥ <paramref name="startSeconds"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is negative, not finite, or the end precedes the start.</exception>
    public ScratchEvent(double startSeconds, double endSeconds)
    {
        if (!double.IsFinite(startSeconds) || startSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startSeconds), startSeconds, "The start must be finite and ≥ 0 s.");
        }

        if (!double.IsFinite(endSeconds) || endSeconds < startSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(endSeconds), endSeconds, $"The end must be finite and ≥ the start ({startSeconds} s).");
        }

        StartSeconds = startSeconds;
        EndSeconds = endSeconds;
    }

    /// <summary>Start, s from the recording start.</summary>
    public double StartSeconds { get; }

    /// <summary>End (exclusive), s from the recording start.</summary>
    public double EndSeconds { get; }

    /// <summary>Length, s.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;
}
