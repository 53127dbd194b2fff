using IncidentBot.Persistence;
using IncidentBot.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace IncidentBot.Tests.Dashboard;

/// <summary>
/// The dashboard in a real headless Chromium: what a person does with it, page by page, with a screenshot of each
/// (test output, <c>artifacts/screenshots</c>) and an axe check of each.
/// </summary>
[TestFixture(StorageProvider.Sqlite)]
[NonParallelizable]
internal sealed class DashboardBrowserTests(StorageProvider provider) : HostTestBase(provider)
{
    private static readonly string[] Lanes = ["messages", "paging", "decisions", "status", "handoffs", "other"];

    private ChromeDriver browser = null!;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["environment"] = "Development" };

    [SetUp]
    public void OpenBrowser() => browser = Chromium.Start();

    [TearDown]
    public void CloseBrowser() => browser?.Dispose();

    [Test]
    public async Task Sign_in_filter_open_an_incident_mark_an_action_done_and_sign_out()
    {
        await DashboardStory.Seed(new DashboardSeed(Bot), Bot.Clock.GetUtcNow());

        Go("/ui/incidents");
        Assert.That(new Uri(browser.Url).AbsolutePath, Is.EqualTo("/ui/signin"), "signed out, the list sends people to sign in");
        Check("signin");
        browser.FindElement(By.Id("token")).SendKeys(BotHost.ApiToken);
        browser.FindElement(By.CssSelector("form[action='/ui/signin'] button")).Click();
        WaitUntil(() => new Uri(browser.Url).AbsolutePath == "/ui/incidents", "the list after signing in");
        Assert.That(Rows(), Is.EqualTo("INC-3 INC-1"), "the private INC-2 is not listed for the token holder");
        Check("incidents");

        browser.FindElement(By.CssSelector("#f-severity option[value='1']")).Click();
        browser.FindElement(By.Id("apply")).Click();
        WaitUntil(() => browser.Url.Contains("severity=1", StringComparison.Ordinal), "the filtered list");
        Assert.That(Rows(), Is.EqualTo("INC-1"));

        browser.FindElement(By.LinkText("INC-1")).Click();
        WaitUntil(() => new Uri(browser.Url).AbsolutePath == "/ui/incidents/1", "the incident page");
        Assert.That(MarksPerLane(), Is.EqualTo("messages 3, paging 3, decisions 2, status 2, handoffs 1, other 1"));
        Check("incident");

        browser.FindElement(By.CssSelector("button[aria-label='Mark A-1 done']")).Click();
        WaitUntil(() => browser.Url.Contains("saved=done", StringComparison.Ordinal), "the page after marking done");
        Assert.That(browser.FindElement(By.Id("notice")).Text, Is.EqualTo("The action is marked done, and that is on the timeline."));
        Assert.That(browser.FindElement(By.Id("timeline")).Text, Does.Contain("A-1 done: Alert on checkout error rate"));
        Assert.That(MarksPerLane(), Is.EqualTo("messages 3, paging 3, decisions 2, status 2, handoffs 1, other 2"), "the action is a new mark");

        browser.FindElement(By.CssSelector(".signout button")).Click();
        WaitUntil(() => new Uri(browser.Url).AbsolutePath == "/ui/signin", "the sign-in page after signing out");
        Assert.That(browser.FindElement(By.Id("signed-out")).Text, Is.EqualTo("You are signed out."));
        Go("/ui/incidents/1");
        Assert.That(new Uri(browser.Url).AbsolutePath, Is.EqualTo("/ui/signin"));
    }

    [Test]
    public async Task A_private_incident_stays_invisible_to_someone_not_allowed_even_by_its_address()
    {
        await DashboardStory.Seed(new DashboardSeed(Bot), Bot.Clock.GetUtcNow());
        SignIn();

        Go("/ui/incidents?q=payroll");
        var listed = Rows();
        Go("/ui/incidents/2");

        Assert.That(listed, Is.Empty);
        Assert.That(browser.FindElement(By.Id("problem")).Text, Is.EqualTo("There is no incident INC-2 that you may see."));
        Assert.That(browser.PageSource, Does.Not.Contain("Payroll"));
    }

    [Test]
    public async Task Insights_draw_each_response_time_and_the_counts_as_charts()
    {
        await DashboardStory.SeedHistory(new DashboardSeed(Bot), Bot.Clock.GetUtcNow());
        SignIn();

        browser.FindElement(By.LinkText("Insights")).Click();
        WaitUntil(() => new Uri(browser.Url).AbsolutePath == "/ui/insights", "the insights page");

        Assert.That(browser.FindElements(By.CssSelector("svg[id^='chart-'] polyline.line-median")), Has.Count.EqualTo(5), "detect, acknowledge, first status, mitigate, resolve");
        Assert.That(browser.FindElements(By.CssSelector("#chart-acknowledge circle[data-series='median']")), Has.Count.EqualTo(26), "a point for each week");
        Assert.That(browser.FindElements(By.CssSelector("#chart-areas rect")), Has.Count.EqualTo(4));
        Check("insights");
    }

    private void SignIn()
    {
        Go("/ui/signin");
        browser.FindElement(By.Id("token")).SendKeys(BotHost.ApiToken);
        browser.FindElement(By.CssSelector("form[action='/ui/signin'] button")).Click();
        WaitUntil(() => new Uri(browser.Url).AbsolutePath == "/ui/incidents", "the list after signing in");
    }

    /// <summary>A click navigates without waiting for the new page: wait for it (a state that must be reached).</summary>
    private static void WaitUntil(Func<bool> reached, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!reached())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"waited 20 s for {what}");
            Thread.Sleep(100);
        }
    }

    private void Go(string path) => browser.Navigate().GoToUrl(new Uri(Bot.Http.BaseAddress!, path));

    private void Check(string page)
    {
        Chromium.Screenshot(browser, page);
        Chromium.AssertAccessible(browser, page);
    }

    private string Rows() => string.Join(' ', browser.FindElements(By.CssSelector("#incidents tbody tr")).Select(r => r.GetAttribute("data-incident")));

    private string MarksPerLane() => string.Join(", ", Lanes.Select(lane => $"{lane} {browser.FindElements(By.CssSelector($"#timeline-picture circle[data-lane='{lane}']")).Count}"));
}
