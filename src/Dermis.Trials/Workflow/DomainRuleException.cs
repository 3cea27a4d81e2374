namespace Dermis.Trials.Workflow;

/// <summary>
/// A request that is well-formed but breaks a trial rule (enrolling without consent, editing a
/// locked form, a change without a reason). <see cref="Code"/> is stable for clients (HTTP 409/422).
/// </summary>
public sealed class DomainRuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">Stable kebab-case code, e.g. <c>consent-required</c>.</param>
    /// <param name="message">What is wrong and what to do.</param>
    public DomainRuleException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Stable error code.</summary>
    public string Code { get; }
}
