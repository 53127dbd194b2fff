using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Search;

/// <summary>
/// When an incident is declared, its thread shows up to three similar earlier incidents with their root cause and how
/// recovery was verified (the runbook's step 10: a recurrence should repeat and grow the earlier checks). Similar: an
/// earlier incident in the same area (any area while the new one has none yet) whose title, root cause, verification
/// or thread shares a word of the new title, resolved ones first. Nothing is posted when there is none, and nothing is
/// linked: similarity is a guess, so a person links with <c>related</c>.
/// </summary>
public sealed class SimilarIncidents(IIncidentSearch search, ChatPlatforms platforms)
{
    public const int MaxShown = 3;

    /// <summary>Words that say something is broken but not what; every incident title could share them.</summary>
    private static readonly HashSet<string> Common =
    [
        "the", "and", "for", "are", "was", "not", "with", "from", "has", "have", "had", "all", "any", "can", "our", "out",
        "but", "its", "into", "after", "when", "some", "who", "why", "how", "now", "again", "down", "outage", "incident",
        "issue", "issues", "problem", "problems", "broken", "failing", "fails", "failed", "error", "errors", "slow",
    ];

    /// <summary>The words of a title worth matching on: three letters or more, not one of the common ones.</summary>
    public static IReadOnlyList<string> Keywords(string title) =>
        [.. SearchIncidents.Words(title).Where(w => w.Length >= 3 && !Common.Contains(w))];

    public async Task<IReadOnlyList<Incident>> For(Incident incident, CancellationToken ct)
    {
        var words = Keywords(incident.Title);
        if (words.Count == 0)
        {
            return [];
        }

        var found = await search.SearchAny(words, limit: 30, ct);
        return
        [
            .. found
                .Where(e => e.Number < incident.Number && Relations.MayShow(e, incident) && (incident.Area is null || e.Area == incident.Area))
                .OrderBy(e => e.IsOpen)
                .Take(MaxShown),
        ];
    }

    /// <summary>Posts the similar incidents in the new incident's thread, once; nothing when there are none.</summary>
    public async Task Post(Incident incident, CancellationToken ct)
    {
        var similar = await For(incident, ct);
        if (similar.Count == 0)
        {
            return;
        }

        var platform = platforms[incident.Thread.Platform];
        var lines = similar.Select(Describe).Append(
            $"If this is a recurrence, link it ('{platform.CommandPrefix} related {incident.Id} {similar[0].Id}'): the postmortem lists it, and resolving asks whether its checks were repeated.");
        await platform.PostInThread(
            incident,
            new ChatMessage($"{incident.Id}:similar", string.Join("\n", lines), Heading: "Similar earlier incidents"),
            ct);
    }

    /// <summary>One earlier incident as the thread and the postmortem show it.</summary>
    public static string Describe(Incident earlier)
    {
        var when = earlier.ResolvedAt is { } resolved ? $"resolved {ThreadRoot.FormatUtc(resolved)}" : $"open since {ThreadRoot.FormatUtc(earlier.DeclaredAt)}";
        return $"{earlier.Id} {ThreadRoot.TitlePrefix}{earlier.Title} ({when})\n"
            + $"  Root cause: {earlier.RootCause ?? "not recorded"}\n"
            + $"  Verified by: {earlier.Verification ?? "not recorded"}";
    }
}
