namespace Dermis.Cli;

/// <summary>Exit statuses of <c>dermis</c>, part of its public interface (scripts branch on them).</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>It failed for a reason other than the input (a refused migration, a busy port).</summary>
    public const int Failure = 1;

    /// <summary>The input is wrong: an unknown verb or option, a malformed value, an unreachable database.</summary>
    public const int BadInput = 2;
}
