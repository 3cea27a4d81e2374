using Dermis.Trials.Workflow;

namespace Dermis.Trials.Forms;

/// <summary>Where an eCRF stands. Freeze and lock are separate (<see cref="Locking.LockState"/>) and override these.</summary>
public enum FormStatus
{
    /// <summary>No data yet.</summary>
    NotStarted,

    /// <summary>Data entered, not marked complete.</summary>
    InProgress,

    /// <summary>Marked complete by the site; further changes need a reason.</summary>
    Complete,

    /// <summary>Checked against source by a monitor.</summary>
    SourceVerified,

    /// <summary>Signed by the investigator.</summary>
#pragma warning disable CA1720 // "signed" is the form status of the EDC vocabulary (OpenClinica, 21 CFR 11), not a type name.
    Signed,
#pragma warning restore CA1720
}

/// <summary>What can be done to a form.</summary>
public enum FormAction
{
    /// <summary>Save data.</summary>
    Save,

    /// <summary>Mark complete (all required items present).</summary>
    Complete,

    /// <summary>Mark source-verified (monitor).</summary>
    SourceVerify,

    /// <summary>Signed as part of a visit or casebook signature.</summary>
    Sign,
}

/// <summary>The form status machine.</summary>
public static class FormWorkflow
{
    /// <summary>The status after <paramref name="action"/>.</summary>
    /// <exception cref="TransitionException">The action is not allowed from <paramref name="from"/>.</exception>
    public static FormStatus Apply(string form, FormStatus from, FormAction action) =>
        Transitions.Apply($"form {form}", from, action, Next);

    /// <summary>Actions allowed from <paramref name="from"/>.</summary>
    public static IEnumerable<FormAction> Allowed(FormStatus from) =>
        Transitions.Allowed<FormStatus, FormAction>(from, Next);

    /// <summary>
    /// A change to a form that was complete (or beyond) needs a reason for change (21 CFR 11.10(e);
    /// OpenClinica's forced "reason for change" discrepancy note).
    /// </summary>
    public static bool ChangeNeedsReason(FormStatus status) => status >= FormStatus.Complete;

    private static FormStatus? Next(FormStatus from, FormAction action) => (from, action) switch
    {
        (FormStatus.NotStarted or FormStatus.InProgress, FormAction.Save) => FormStatus.InProgress,
        // Changing verified or signed data sends it back to complete: the verification and the
        // signature no longer cover what is stored.
        (FormStatus.Complete or FormStatus.SourceVerified or FormStatus.Signed, FormAction.Save) => FormStatus.Complete,
        (FormStatus.InProgress, FormAction.Complete) => FormStatus.Complete,
        (FormStatus.Complete, FormAction.SourceVerify) => FormStatus.SourceVerified,
        (FormStatus.Complete or FormStatus.SourceVerified, FormAction.Sign) => FormStatus.Signed,
        (FormStatus.Signed, FormAction.Sign) => FormStatus.Signed,
        _ => null,
    };
}
