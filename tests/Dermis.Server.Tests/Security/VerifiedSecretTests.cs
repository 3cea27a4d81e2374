using Dermis.Server.Auth;
using Dermis.Storage.Database;
using Dermis.Storage.Migrations;
using Dermis.Storage.Trials;
using Dermis.Testing;
using Dermis.Trials.Audit;

namespace Dermis.Server.Tests.Security;

/// <summary>
/// A secret verified before the write transaction is trusted inside it only while the stored hash is the one verified
/// against: a password changed in between is verified again, so the old password cannot sign after the change.
/// </summary>
public sealed class VerifiedSecretTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Matches_trustsTheEarlyVerificationOnlyWhileTheStoredHashIsUnchanged()
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var database = DermisDatabase.Create(test.Target);
        await new Migrator(database).MigrateAsync();
        await using (var store = await TrialStore.BeginAsync(database, write: true))
        {
            await store.CreateAccountAsync("ines", "Dr. Ines Weber", Passwords.Hash("first password 2026"), false, At);
            await store.CommitAsync("ines", null, AuditSource.System, At);
        }

        var right = await VerifiedSecret.VerifyAsync(database, "ines", "first password 2026", CancellationToken.None);
        var wrong = await VerifiedSecret.VerifyAsync(database, "ines", "not the password", CancellationToken.None);
        var empty = await VerifiedSecret.VerifyAsync(database, "ines", "", CancellationToken.None);
        var unknown = await VerifiedSecret.VerifyAsync(database, "nobody", "first password 2026", CancellationToken.None);
        var before = await AccountAsync(database);

        Assert.True(right.Matches(before));
        Assert.False(wrong.Matches(before));
        Assert.False(empty.Matches(before));
        // Unknown at the early read (verified against the dummy hash); an account of that name created before the write
        // transaction is verified against what is stored then — here the secret is that account's password.
        Assert.True(unknown.Matches(before));

        // The password changes between the early verification and the write transaction.
        await using (var store = await TrialStore.BeginAsync(database, write: true))
        {
            await store.SetPasswordHashAsync(before.Id, Passwords.Hash("second password 2026"));
            await store.CommitAsync("ines", null, AuditSource.System, At);
        }

        var after = await AccountAsync(database);
        Assert.False(right.Matches(after));
        Assert.True((await VerifiedSecret.VerifyAsync(database, "ines", "second password 2026", CancellationToken.None)).Matches(after));
    }

    private static async Task<AccountRow> AccountAsync(DermisDatabase database)
    {
        await using var store = await TrialStore.BeginAsync(database, write: false);
        return (await store.FindAccountAsync("ines"))!;
    }
}
