namespace Dermis.Server.Demo;

/// <summary>One demo sign-in: user name, what it is for, and the role it holds.</summary>
/// <param name="Username">User name at <c>/login</c>.</param>
/// <param name="DisplayName">Name shown in the web application.</param>
/// <param name="Role">Study role (sponsorAdmin, dataManager, monitor, investigator, coordinator) or <c>participant</c>.</param>
/// <param name="Site">Site of a site-bound role; null for every site.</param>
/// <param name="Note">What this account shows in the demo.</param>
public sealed record DemoAccount(string Username, string DisplayName, string Role, string? Site, string Note);

/// <summary>The demo's accounts: one per role (a monitor per site), all with <see cref="Password"/>.</summary>
public static class DemoAccounts
{
    /// <summary>The password of every staff account of the demo (never use the demo database for real data).</summary>
    public const string Password = "dermis-demo-2026";

    /// <summary>The PIN of every demo participant-app account.</summary>
    public const string Pin = "482915";

    /// <summary>The installation administrator, made as <c>dermis account create --admin</c> makes it.</summary>
    public const string Admin = "admin";

    /// <summary>The unblinded sponsor statistician (the protocol's unblinded role, sponsorAdmin).</summary>
    public const string Sponsor = "sponsor";

    /// <summary>Staff accounts in the order they are printed.</summary>
    public static IReadOnlyList<DemoAccount> Staff { get; } = Build();

    /// <summary>The site account (investigator or coordinator) of <paramref name="site"/>.</summary>
    public static string Coordinator(string site) => "coord." + site.ToLowerInvariant();

    /// <summary>The investigator of <paramref name="site"/>.</summary>
    public static string Investigator(string site) => "inv." + site.ToLowerInvariant();

    /// <summary>The monitor of <paramref name="site"/>.</summary>
    public static string Monitor(string site) => "mon." + site.ToLowerInvariant();

    private static List<DemoAccount> Build()
    {
        var accounts = new List<DemoAccount>
        {
            new(Sponsor, "Dr. Priya Raman (sponsor statistician)", "sponsorAdmin", null, "unblinded: arms, statistics API /api/studies/{id}/stats/*"),
            new("dm", "Dana Data-Manager", "dataManager", null, "blinded: queries at every site, freeze/lock, audit"),
        };
        foreach (var site in DemoSite.All)
        {
            accounts.Add(new(Investigator(site.Id), site.Investigator, "investigator", site.Id, $"blinded: {site.Id} casebooks, signatures"));
            accounts.Add(new(Coordinator(site.Id), $"Coordinator {site.Id}", "coordinator", site.Id, $"blinded: {site.Id} data entry, diaries, devices"));
            accounts.Add(new(Monitor(site.Id), $"Monitor {site.Id}", "monitor", site.Id, $"blinded: {site.Id} source verification and queries"));
        }

        return accounts;
    }
}
