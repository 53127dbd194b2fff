using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using IncidentBot.Core.Chat;

namespace IncidentBot.Status;

/// <summary>
/// <c>GET /status</c>: a small self-contained HTML page (no scripts, fonts or other assets to fail while things are
/// broken). Every string from the database goes through <see cref="Encode"/>.
/// </summary>
internal static class StatusPageHtml
{
    private const string Style = """
        body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
        main{max-width:46rem;margin:0 auto;padding:1.5rem}
        .banner{padding:1rem;border-radius:.5rem;font-weight:600;font-size:1.2rem}
        .operational{background:#dff5e3;color:#0b5a1e}.degraded{background:#fdebd3;color:#7a3e00}
        article{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1rem;margin:1rem 0}
        h3{margin:0 0 .25rem}ol{list-style:none;padding:0;margin:.5rem 0 0}li{margin:.5rem 0}
        time,.meta{color:#555;font-size:.9rem}
        """;

    public static string Render(PublicStatus status)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Service status</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>Service status</h1>\n");

        var open = status.Open.ToList();
        var banner = open.Count == 0 ? "All systems operational" : open.Count == 1 ? "1 incident in progress" : $"{open.Count} incidents in progress";
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"banner {Encode(status.Status)}\" role=\"status\">{Encode(banner)}</p>\n");

        Section(html, "current", "Current incidents", open);
        Section(html, "resolved", "Resolved in the last 7 days", status.Resolved.ToList());

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Page generated {Time(status.At)}.</p>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Section(StringBuilder html, string id, string heading, List<PublicIncident> incidents)
    {
        if (incidents.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{Encode(heading)}</h2>\n");
        foreach (var incident in incidents)
        {
            Article(html, incident);
        }

        html.Append("</section>\n");
    }

    private static void Article(StringBuilder html, PublicIncident incident)
    {
        html.Append(CultureInfo.InvariantCulture, $"<article>\n<h3>{Encode(incident.Title)}</h3>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{Encode(incident.Id)} · <strong>{Encode(incident.Stage.ToString())}</strong> · started {Time(incident.DeclaredAt)}");
        if (incident.ResolvedAt is { } resolved)
        {
            html.Append(CultureInfo.InvariantCulture, $" · resolved {Time(resolved)}");
        }

        html.Append("</p>\n");
        if (incident.Updates.Count == 0)
        {
            html.Append("<p>We are aware of the problem and are investigating.</p>\n</article>\n");
            return;
        }

        html.Append("<ol>\n");
        foreach (var update in incident.Updates)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{Time(update.At)} <strong>{Encode(update.Stage.ToString())}</strong>: {Encode(update.Message)}</li>\n");
        }

        html.Append("</ol>\n</article>\n");
    }

    private static string Time(DateTimeOffset at) =>
        $"<time datetime=\"{Encode(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}\">{Encode(ThreadRoot.FormatUtc(at))}</time>";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
