using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace IncidentBot.Tests.Support;

/// <summary>
/// A browser without the browser: keeps the dashboard's cookies, follows no redirects (tests look at them), reads each
/// page as HTML and posts forms with the anti-forgery token the last page carried.
/// </summary>
internal sealed class DashboardClient : IDisposable
{
    private readonly HttpClient http;
    private string? antiforgery;

    public DashboardClient(BotHost bot)
    {
        Cookies = new CookieContainer();
        http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = bot.Http.BaseAddress };
    }

    public CookieContainer Cookies { get; }

    public static async Task<DashboardClient> SignedIn(BotHost bot, string token = BotHost.ApiToken)
    {
        var client = new DashboardClient(bot);
        await client.Page("/ui/signin");
        using var response = await client.Post("/ui/signin", new() { ["token"] = token });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signing in with the token");
        return client;
    }

    /// <summary>The page at <paramref name="path"/>, failing the test unless it answers 200.</summary>
    public async Task<IHtmlDocument> Page(string path)
    {
        var (status, document) = await Get(path);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), $"GET {path}");
        return document;
    }

    public async Task<(HttpStatusCode Status, IHtmlDocument Document)> Get(string path)
    {
        using var response = await http.GetAsync(path);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        antiforgery = (document.QuerySelector("input[name=__csrf]") as IHtmlInputElement)?.Value ?? antiforgery;
        return (response.StatusCode, document);
    }

    public async Task<HttpResponseMessage> GetRaw(string path) => await http.GetAsync(path);

    /// <summary>Posts the fields as a form, with the anti-forgery token of the last page unless the fields carry one.</summary>
    public Task<HttpResponseMessage> Post(string path, Dictionary<string, string> fields)
    {
        if (antiforgery is not null)
        {
            fields.TryAdd("__csrf", antiforgery);
        }

        return http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public void Dispose() => http.Dispose();
}
