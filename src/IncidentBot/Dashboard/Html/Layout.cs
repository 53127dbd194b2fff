using System.Reflection;
using IncidentBot.Dashboard.Access;

namespace IncidentBot.Dashboard.Html;

/// <summary>
/// The page around every dashboard view: one stylesheet of our own (no fonts, scripts or anything else fetched from
/// elsewhere), a skip link and landmarks for keyboard and screen-reader use, and headers that keep the pages out of
/// caches and frames.
/// </summary>
internal static class Layout
{
    public const string StylesheetPath = "/ui/dashboard.css";

    public static readonly string Stylesheet = ReadStylesheet();

    /// <summary>script-src is left out on purpose: no page runs scripts, so none may run.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IResult Page(HttpContext http, string title, Markup main, int status = StatusCodes.Status200OK)
    {
        var user = http.User.Identity?.IsAuthenticated == true ? DashboardUser.From(http.User) : null;
        var html = Markup.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>{title} · IncidentBot</title>
            <link rel="stylesheet" href="{StylesheetPath}">
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            {Header(http, user)}
            <main id="main" tabindex="-1">
            {main}
            </main>
            </body>
            </html>
            """);
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html.Value, "text/html; charset=utf-8", statusCode: status);
    }

    private static Markup Header(HttpContext http, DashboardUser? user) => user is null
        ? Markup.Of($"<header class=\"top\"><p class=\"brand\">IncidentBot</p></header>")
        : Markup.Of($"""
            <header class="top">
            <p class="brand">IncidentBot</p>
            <nav aria-label="Dashboard"><ul>
            <li><a href="/ui/incidents">Incidents</a></li>
            <li><a href="/ui/insights">Insights</a></li>
            </ul></nav>
            <form class="signout" method="post" action="/ui/signout">{Forms.Token(http)}
            <span class="who">Signed in as {user.Name}</span> <button type="submit">Sign out</button>
            </form>
            </header>
            """);

    private static string ReadStylesheet()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("IncidentBot.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard stylesheet is not embedded in the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
