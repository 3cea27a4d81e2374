namespace Dermis.Storage.Trials;

/// <summary>What <see cref="TrialStore.LoadFormContextAsync"/> reads.</summary>
/// <param name="Participant">The participant, or null.</param>
/// <param name="Visit">The visit of that participant, or null.</param>
/// <param name="Form">The stored form, or null when nothing was entered.</param>
/// <param name="ValidSignatures">Valid signatures covering the visit (visit or casebook).</param>
/// <param name="Locks">The study's freezes and locks.</param>
/// <param name="Queries">Queries on the form.</param>
public sealed record FormContext(ParticipantRow? Participant, VisitRow? Visit, FormRow? Form, long ValidSignatures, IReadOnlyList<Dermis.Trials.Locking.LockRecord> Locks, IReadOnlyList<QueryRow> Queries);
