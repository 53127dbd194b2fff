using System.Reflection;
using System.Text.Json.Nodes;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace IncidentBot.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven through its chromedriver (never a downloaded browser: nothing is fetched at test
/// time). Tests using it are ignored, with the reason, when either is not installed; <c>.ci/run</c> installs both.
/// </summary>
internal static class Chromium
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public static ChromeDriver Start()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            Assert.Ignore($"Browser tests need Debian's chromium and chromium-driver ({Browser}, {Driver}); install them with apt-get (.ci/run does).");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000", "--lang=en-GB");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>A PNG of the whole page under the test output's <c>artifacts/screenshots</c>, attached to the test result.</summary>
    public static string Screenshot(IWebDriver driver, string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        var window = driver.Manage().Window;
        var size = window.Size;
        var height = Convert.ToInt32(((IJavaScriptExecutor)driver).ExecuteScript("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        window.Size = new System.Drawing.Size(size.Width, Math.Max(size.Height, height));
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(path);
        window.Size = size;
        TestContext.AddTestAttachment(path, name);
        return path;
    }

    /// <summary>
    /// Fails the test on any serious or critical violation axe-core finds on the current page (WCAG 2.1 A and AA rules).
    /// axe-core is the copy the Selenium.Axe package embeds: that package's own C# API is built against Selenium 3 and
    /// cannot drive Selenium 4, so its script is injected here directly.
    /// </summary>
    public static void AssertAccessible(IWebDriver driver, string page)
    {
        var scripts = (IJavaScriptExecutor)driver;
        scripts.ExecuteScript(AxeSource.Value);
        var answer = (string?)scripts.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => done(JSON.stringify(r.violations)), e => done('axe failed: ' + e));
            """);
        Assert.That(answer, Does.StartWith("["), answer);
        var serious = JsonNode.Parse(answer!)!.AsArray()
            .Where(v => v!["impact"]?.GetValue<string>() is "serious" or "critical")
            .Select(v => $"{v!["id"]} ({v["impact"]}): {v["help"]} at {string.Join("; ", v["nodes"]!.AsArray().Select(n => n!["target"]!.ToJsonString()))}")
            .ToList();
        Assert.That(serious, Is.Empty, $"axe on {page}");
    }

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var assembly = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "Selenium.Axe.dll"));
        using var stream = assembly.GetManifestResourceStream("Selenium.Axe.Resources.axe.min.js")
            ?? throw new InvalidOperationException("Selenium.Axe.dll carries no axe.min.js");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
