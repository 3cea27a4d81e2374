using Dermis.Server.Demo;

namespace Dermis.Cli.Commands;

/// <summary>What <c>dermis demo</c> prints once the server is ready: the address and the accounts.</summary>
internal static class DemoBanner
{
    public static async Task WriteAsync(TextWriter output, Uri url)
    {
        var study = $"{url.GetLeftPart(UriPartial.Authority)}/studies/{DemoSeeder.StudyId}";
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Dermis demo is ready: {url.GetLeftPart(UriPartial.Authority)}/   (study dashboard: {study})");
        await output.WriteLineAsync($"Sign in at /login; every staff account's password is {DemoAccounts.Password}");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"  {"user name",-14} {"role",-13} {"site",-5} what it shows");
        await output.WriteLineAsync($"  {DemoAccounts.Admin,-14} {"admin",-13} {"all",-5} installation administrator (creates studies)");
        foreach (var account in DemoAccounts.Staff.Where(a => a.Site is null || a.Site == "DE01" || a.Role == "monitor"))
        {
            await output.WriteLineAsync($"  {account.Username,-14} {account.Role,-13} {account.Site ?? "all",-5} {account.Note}");
        }

        await output.WriteLineAsync($"  inv.<site>, coord.<site> for the other sites: {string.Join(", ", DemoSite.All.Select(s => s.Id.ToLowerInvariant()))}");
        await output.WriteLineAsync($"  participant app: {DemoSeeder.StudyId.ToLowerInvariant()}-de01-0001 (and every other randomised number) with PIN {DemoAccounts.Pin}, on a phone at /p");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Ctrl-C stops the server; ./dermis demo again reuses the data, --reset rebuilds it.");
    }
}
