namespace Dermis.Storage.Database;

/// <summary>
/// The database named by the user cannot be used as given: the <c>--db</c> value is malformed,
/// the file's folder is missing, or the server cannot be reached. The message says what to fix.
/// </summary>
/// <remarks>The command line maps this to exit code 2 (bad input), the server to HTTP 503.</remarks>
public sealed class DatabaseConfigurationException : Exception
{
    /// <summary>Creates the exception with a message that names the value and the fix.</summary>
    public DatabaseConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that names the value and the fix.</summary>
    public DatabaseConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
