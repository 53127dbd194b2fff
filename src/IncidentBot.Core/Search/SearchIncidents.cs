using System.Text.RegularExpressions;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Search;

/// <summary>
/// <c>search &lt;words&gt;</c>: the runbook keeps the thread current "so others know what to search for". Finds earlier and
/// open incidents by any word of their title, timeline, root cause or verification; a private incident is shown only to
/// those who may read its timeline.
/// </summary>
public sealed partial class SearchIncidents(IIncidentSearch search, Permissions permissions, ChatPlatforms platforms)
{
    public const int MaxShown = 10;

    /// <summary>The words searched for: letters and digits only, so no query syntax reaches the store.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        [.. Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().Take(20)];

    public async Task<string> Run(CommandContext context, string text, CancellationToken ct)
    {
        var words = Words(text);
        var prefix = platforms[context.Platform].CommandPrefix;
        var declare = $"\nTo declare an incident instead: '{prefix} declare {text}'.";
        if (words.Count == 0)
        {
            return $"Search for words: letters or digits.{declare}";
        }

        var shown = new List<Incident>();
        foreach (var incident in await search.Search(words, MaxShown * 3, ct))
        {
            if (shown.Count < MaxShown && (!incident.IsPrivate || await permissions.Allows(context, Acts.Timeline, incident, ct)))
            {
                shown.Add(incident);
            }
        }

        if (shown.Count == 0)
        {
            return $"No incident mentions {string.Join(" and ", words.Select(w => $"'{w}'"))}.{declare}";
        }

        return $"{(shown.Count == 1 ? "1 incident mentions" : $"{shown.Count} incidents mention")} {string.Join(" and ", words.Select(w => $"'{w}'"))}, best match first:\n"
            + string.Join('\n', shown.Select(Line)) + declare;
    }

    private static string Line(Incident i)
    {
        var when = i.ResolvedAt is { } resolved ? $"resolved {ThreadRoot.FormatUtc(resolved)}" : $"open since {ThreadRoot.FormatUtc(i.DeclaredAt)}";
        var cause = i.RootCause is { } rc ? $"; root cause: {rc}" : "";
        var verified = i.Verification is { } v ? $"; verified: {v}" : "";
        return $"{i.Id} {ThreadRoot.TitlePrefix}{i.Title} ({when}{cause}{verified})";
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
