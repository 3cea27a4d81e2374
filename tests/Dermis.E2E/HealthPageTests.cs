namespace Dermis.E2E;

/// <summary>The smoke test of the browser set-up: Chromium reaches the server and screenshots work.</summary>
public sealed class HealthPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [BrowserFact]
    public async Task Chromium_shows_the_health_report_and_takes_a_screenshot()
    {
        var page = await host.NewPageAsync();

        var response = await page.GotoAsync("/health");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        // Chromium shows JSON as sent, in a <pre> (its pretty-print is off by default).
        Assert.Contains("\"status\":\"healthy\"", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        var screenshot = await host.ScreenshotAsync(page, "health");
        Assert.True(new FileInfo(screenshot).Length > 1024, $"{screenshot} is missing or not larger than 1 KB");
        await page.CloseAsync();
    }
}
