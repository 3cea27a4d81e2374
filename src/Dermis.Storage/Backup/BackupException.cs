namespace Dermis.Storage.Backup;

/// <summary>
/// A backup or restore refused before it changed anything: the message states the problem and the
/// fix, <see cref="Problem"/> says which input was at fault (the command line maps it to exit code 2).
/// </summary>
public sealed class BackupException : Exception
{
    /// <summary>Creates the exception for <paramref name="problem"/> with a message that names the fix.</summary>
    public BackupException(BackupProblem problem, string message)
        : base(message) => Problem = problem;

    /// <summary>Creates the exception for <paramref name="problem"/>, keeping the low-level cause.</summary>
    public BackupException(BackupProblem problem, string message, Exception innerException)
        : base(message, innerException) => Problem = problem;

    /// <summary>What was wrong.</summary>
    public BackupProblem Problem { get; }
}
