using System.Net;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Dashboard.Access;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class SignInTests(StorageProvider provider) : HostTestBase(provider)
{
    // Development: the session cookie is Secure outside it, and these tests talk plain HTTP on loopback.
    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["environment"] = "Development" };

    [TestCase("/ui/incidents")]
    [TestCase("/ui/incidents/1")]
    [TestCase("/ui/insights")]
    [TestCase("/ui")]
    public async Task Signed_out_every_dashboard_page_redirects_to_sign_in(string path)
    {
        using var client = new DashboardClient(Bot);

        using var response = await client.GetRaw(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.PathAndQuery, Does.StartWith("/ui/signin?returnUrl=" + Uri.EscapeDataString(path)));
    }

    [Test]
    public async Task The_API_token_signs_in_and_returns_to_the_page_asked_for()
    {
        using var client = new DashboardClient(Bot);
        var page = await client.Page("/ui/signin?returnUrl=%2Fui%2Finsights");

        using var response = await client.Post("/ui/signin", new() { ["token"] = BotHost.ApiToken, ["returnUrl"] = "/ui/insights" });

        Assert.That(page.QuerySelector("form[action='/ui/signin'] input[name=__csrf]"), Is.Not.Null, "the sign-in form carries an anti-forgery token");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/ui/insights"));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("IncidentBot.Dashboard=", StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase);
        Assert.That((await client.GetRaw("/ui/incidents")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_wrong_token_is_refused_with_a_reason_and_signs_nobody_in()
    {
        using var client = new DashboardClient(Bot);
        await client.Page("/ui/signin");

        using var response = await client.Post("/ui/signin", new() { ["token"] = "not-the-token-0123456789" });
        var page = DashboardClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(page.QuerySelector("#signin-error")?.TextContent, Is.EqualTo("That is not the Api:Token. Nothing was signed in."));
        Assert.That((await client.GetRaw("/ui/incidents")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task A_sign_in_without_the_anti_forgery_token_is_refused()
    {
        using var client = new DashboardClient(Bot);

        using var response = await client.Post("/ui/signin", new() { ["token"] = BotHost.ApiToken });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("anti-forgery token is missing or stale"));
        Assert.That((await client.GetRaw("/ui/incidents")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [TestCase("https://evil.example/")]
    [TestCase("//evil.example/ui/")]
    [TestCase("/ui//evil.example")]
    public async Task After_sign_in_only_dashboard_pages_are_returned_to(string returnUrl)
    {
        using var client = new DashboardClient(Bot);
        await client.Page("/ui/signin");

        using var response = await client.Post("/ui/signin", new() { ["token"] = BotHost.ApiToken, ["returnUrl"] = returnUrl });

        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/ui/incidents"));
    }

    [Test]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await DashboardClient.SignedIn(Bot);
        await client.Page("/ui/incidents");

        using var response = await client.Post("/ui/signout", []);

        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/ui/signin?signedOut=true"));
        Assert.That((await client.GetRaw("/ui/incidents")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await client.Page("/ui/signin?signedOut=true")).QuerySelector("[role=status]")?.TextContent, Is.EqualTo("You are signed out."));
    }

    [Test]
    public async Task The_API_does_not_accept_the_dashboard_cookie()
    {
        using var client = await DashboardClient.SignedIn(Bot);

        using var response = await client.GetRaw("/api/incidents");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
