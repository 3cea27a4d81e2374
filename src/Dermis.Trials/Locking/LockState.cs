namespace Dermis.Trials.Locking;

/// <summary>Freeze and lock (OpenClinica study status; OC4 "freeze: queries continue").</summary>
public enum LockState
{
    /// <summary>Open for data entry.</summary>
    Open,

    /// <summary>No data edits; queries and signatures go on.</summary>
    Frozen,

    /// <summary>Nothing changes.</summary>
    Locked,
}

/// <summary>What a freeze or lock covers.</summary>
public enum LockLevel
{
    /// <summary>The whole study.</summary>
    Study,

    /// <summary>One site.</summary>
    Site,

    /// <summary>One participant.</summary>
    Participant,

    /// <summary>One visit of a participant.</summary>
    Visit,

    /// <summary>One form of a visit.</summary>
    Form,
}

/// <summary>A freeze or lock on one target.</summary>
/// <param name="Level">What it covers.</param>
/// <param name="Target">The key: site id, screening number, visit key <c>P/visitRowId</c>, form key <c>P/visitRowId/formId</c>; empty for the study.</param>
/// <param name="State">Frozen or locked.</param>
public sealed record LockRecord(LockLevel Level, string Target, LockState State);

/// <summary>The effective state of a form: the strongest freeze/lock of the study, its site, participant, visit and the form.</summary>
public static class Locks
{
    /// <summary>The strongest state among the locks that cover the form.</summary>
    public static LockState Effective(IEnumerable<LockRecord> locks, string siteId, string participant, long visitRowId, string formId)
    {
        ArgumentNullException.ThrowIfNull(locks);
        var visitKey = $"{participant}/{visitRowId}";
        var formKey = $"{visitKey}/{formId}";
        var state = LockState.Open;
        foreach (var l in locks)
        {
            var covers = l.Level switch
            {
                LockLevel.Study => true,
                LockLevel.Site => l.Target == siteId,
                LockLevel.Participant => l.Target == participant,
                LockLevel.Visit => l.Target == visitKey,
                LockLevel.Form => l.Target == formKey,
                _ => false,
            };
            if (covers && l.State > state)
            {
                state = l.State;
            }
        }

        return state;
    }
}
