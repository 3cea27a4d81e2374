namespace Dermis.Storage.Trials;

/// <summary>What <see cref="TrialStore.LoadFormContextAsync"/> reads.</summary>
/// <param name="Access">The study and the caller's roles in it, or null when the study does not exist. Check it before using anything else.</param>
/// <param name="Participant">The participant, or null.</param>
/// <param name="Visit">The visit of that participant, or null.</param>
/// <param name="Form">The stored form, or null when nothing was entered.</param>
/// <param name="ValidSignatures">Valid signatures covering the visit (visit or casebook).</param>
/// <param name="Locks">The study's freezes and locks.</param>
/// <param name="Queries">Queries on the form.</param>
public sealed record FormContext(StudyAccessRow? Access, ParticipantRow? Participant, VisitRow? Visit, FormRow? Form, long ValidSignatures, IReadOnlyList<Dermis.Trials.Locking.LockRecord> Locks, IReadOnlyList<QueryRow> Queries);

/// <summary>A study and one account's roles in it.</summary>
/// <param name="Study">The study.</param>
/// <param name="Roles">The account's roles there (none when it has no role).</param>
public sealed record StudyAccessRow(StudyRow Study, IReadOnlyList<Dermis.Trials.Access.RoleAssignment> Roles);
