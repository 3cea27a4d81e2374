namespace Dermis.Sensing.Sweat;

/// <summary>Why a set of standards gave no calibration curve.</summary>
public enum CalibrationFailureKind
{
    /// <summary>The response does not change with concentration beyond the noise.</summary>
    FlatResponse,

    /// <summary>Levenberg–Marquardt did not meet its convergence criteria within its iteration limit.</summary>
    DidNotConverge,

    /// <summary>The fitted curve has no direction (its response is the same at the lowest and highest standard).</summary>
    NoDirection,
}

/// <summary>A refused calibration: the kind and a message the lab can act on.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Reason">The message, with the numbers that decided it.</param>
public sealed record CalibrationFailure(CalibrationFailureKind Kind, string Reason);

/// <summary>The outcome of <see cref="CalibrationFitter.Attempt"/>: exactly one of a curve or a failure.</summary>
/// <param name="Curve">The fitted curve; null on failure.</param>
/// <param name="Failure">Why there is no curve; null on success.</param>
public sealed record CalibrationFitResult(CalibrationCurve? Curve, CalibrationFailure? Failure);

/// <summary>Thrown by <see cref="CalibrationFitter.Fit"/> when the standards give no curve; <see cref="Failure"/> says why.</summary>
public sealed class CalibrationFailedException : Exception
{
    /// <summary>Creates the exception for a failure.</summary>
    /// <param name="failure">Why the calibration was refused.</param>
    public CalibrationFailedException(CalibrationFailure failure)
        : base((failure ?? throw new ArgumentNullException(nameof(failure))).Reason) => Failure = failure;

    /// <summary>Creates the exception with a message only (kind <see cref="CalibrationFailureKind.DidNotConverge"/>).</summary>
    public CalibrationFailedException()
        : this(new CalibrationFailure(CalibrationFailureKind.DidNotConverge, "The calibration failed."))
    {
    }

    /// <summary>Creates the exception with a message (kind <see cref="CalibrationFailureKind.DidNotConverge"/>).</summary>
    /// <param name="message">The reason.</param>
    public CalibrationFailedException(string message)
        : this(new CalibrationFailure(CalibrationFailureKind.DidNotConverge, message))
    {
    }

    /// <summary>Creates the exception with a message and a cause (kind <see cref="CalibrationFailureKind.DidNotConverge"/>).</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause.</param>
    public CalibrationFailedException(string message, Exception innerException)
        : base(message, innerException) => Failure = new CalibrationFailure(CalibrationFailureKind.DidNotConverge, message);

    /// <summary>Why the calibration was refused.</summary>
    public CalibrationFailure Failure { get; }
}
