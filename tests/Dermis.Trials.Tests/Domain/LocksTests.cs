using Dermis.Trials.Locking;

namespace Dermis.Trials.Tests.Domain;

public sealed class LocksTests
{
    // The form under test: site DE01, participant DE01-0003, visit row 12, form easi.
    private static LockState Effective(params LockRecord[] locks) => Locks.Effective(locks, "DE01", "DE01-0003", 12, "easi");

    [Fact]
    public void Effective_without_locks_is_open()
    {
        Assert.Equal(LockState.Open, Effective());
    }

    [Theory]
    [InlineData(LockLevel.Study, "", LockState.Frozen)]
    [InlineData(LockLevel.Site, "DE01", LockState.Locked)]
    [InlineData(LockLevel.Participant, "DE01-0003", LockState.Frozen)]
    [InlineData(LockLevel.Visit, "DE01-0003/12", LockState.Locked)]
    [InlineData(LockLevel.Form, "DE01-0003/12/easi", LockState.Frozen)]
    public void Effective_lock_at_each_covering_level_applies(LockLevel level, string target, LockState state)
    {
        Assert.Equal(state, Effective(new LockRecord(level, target, state)));
    }

    [Theory]
    [InlineData(LockLevel.Site, "FR01")]
    [InlineData(LockLevel.Participant, "DE01-0004")]
    [InlineData(LockLevel.Participant, "DE01-000")]
    [InlineData(LockLevel.Visit, "DE01-0003/13")]
    [InlineData(LockLevel.Visit, "DE01-0003/1")]
    [InlineData(LockLevel.Visit, "DE01-0004/12")]
    [InlineData(LockLevel.Form, "DE01-0003/12/poem")]
    [InlineData(LockLevel.Form, "DE01-0003/13/easi")]
    // A participant key at site level, or a visit key at form level, does not cover the form.
    [InlineData(LockLevel.Site, "DE01-0003")]
    [InlineData(LockLevel.Form, "DE01-0003/12")]
    public void Effective_lock_on_unrelated_target_is_ignored(LockLevel level, string target)
    {
        Assert.Equal(LockState.Open, Effective(new LockRecord(level, target, LockState.Locked)));
    }

    [Fact]
    public void Effective_takes_strongest_of_covering_locks_whatever_the_order()
    {
        // Study frozen, form locked → locked; site locked, participant frozen → locked.
        Assert.Equal(LockState.Locked, Effective(new LockRecord(LockLevel.Study, "", LockState.Frozen), new LockRecord(LockLevel.Form, "DE01-0003/12/easi", LockState.Locked)));
        Assert.Equal(LockState.Locked, Effective(new LockRecord(LockLevel.Site, "DE01", LockState.Locked), new LockRecord(LockLevel.Participant, "DE01-0003", LockState.Frozen)));
        Assert.Equal(LockState.Locked, Effective(new LockRecord(LockLevel.Participant, "DE01-0003", LockState.Frozen), new LockRecord(LockLevel.Site, "DE01", LockState.Locked)));
    }

    [Fact]
    public void Effective_open_record_does_not_weaken_a_lock_above()
    {
        Assert.Equal(LockState.Frozen, Effective(new LockRecord(LockLevel.Study, "", LockState.Frozen), new LockRecord(LockLevel.Form, "DE01-0003/12/easi", LockState.Open)));
    }

    [Fact]
    public void Effective_unrelated_lock_beside_a_freeze_keeps_the_freeze()
    {
        Assert.Equal(LockState.Frozen, Effective(
            new LockRecord(LockLevel.Site, "FR01", LockState.Locked),
            new LockRecord(LockLevel.Visit, "DE01-0003/12", LockState.Frozen),
            new LockRecord(LockLevel.Form, "DE01-0003/12/poem", LockState.Locked)));
    }
}
