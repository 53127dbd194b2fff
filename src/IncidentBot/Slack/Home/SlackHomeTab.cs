using System.Text.Json.Nodes;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Home;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Postmortem;

namespace IncidentBot.Slack.Home;

/// <summary>
/// A <see cref="HomeView"/> as the Block Kit view of the App Home tab. Within Slack's limits whatever the view holds:
/// at most 100 blocks (long lists are cut, with how many more there are), section text 3,000 characters, header text
/// 150, button text 75. Every piece of user text is escaped, so a title can neither ping nor link anyone.
/// </summary>
internal static class SlackHomeTab
{
    public const int MaxBlocks = 100;
    public const int MaxHeaderLength = 150;
    public const int MaxIncidents = 40;
    public const int MaxWaitingOfAKind = 15;

    /// <param name="view">What to show.</param>
    /// <param name="threadLinks">Permalinks of incident threads by incident number, for those Slack gave one.</param>
    /// <param name="commandPrefix">The slash command, for the hints.</param>
    public static JsonObject Render(HomeView view, IReadOnlyDictionary<long, string> threadLinks, string commandPrefix)
    {
        var blocks = new JsonArray
        {
            Header("Incidents"),
            Availability(view.Availability),
            new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(Button("Declare an outage", SlackSurfaceRequest.DeclareButton, "declare", primary: true)) },
            Divider(),
            Header("Waiting on you"),
        };
        foreach (var incident in view.PagesToAcknowledge.Take(MaxWaitingOfAKind))
        {
            blocks.Add(Waiting($"*You are paged:* {Title(incident)}, open {PostmortemFigures.Duration(view.AgeOf(incident))}", "Acknowledge", PageButtons.Acknowledge, incident));
        }

        foreach (var incident in view.HandoffsToAccept.Take(MaxWaitingOfAKind))
        {
            blocks.Add(Waiting($"*Handed to you:* {Title(incident)}, owned by {Escape(incident.Owner ?? "nobody")} until you accept", "Accept", HandoffMessages.AcceptAction, incident));
        }

        if (view.FollowUps.Count > 0)
        {
            var lines = view.FollowUps.Select(a =>
                $"*{a.Id}* {Escape(a.Text)}{(a.Due is { } due ? $" (due {due:yyyy-MM-dd}{(a.IsOverdue(view.At) ? ", overdue" : "")})" : "")}");
            blocks.Add(Section($"*Your follow-up actions* (when one is finished: `{Escape(commandPrefix)} done A-<n>`)\n{string.Join('\n', lines)}"));
        }

        if (blocks.Count == 5)
        {
            blocks.Add(Context("Nothing is waiting on you."));
        }

        blocks.Add(Divider());
        blocks.Add(Header($"Open incidents ({view.OpenIncidents.Count})"));
        foreach (var incident in view.OpenIncidents.Take(MaxIncidents))
        {
            blocks.Add(Section(Describe(incident, view, threadLinks.GetValueOrDefault(incident.Number))));
        }

        var more = view.OpenIncidents.Count - MaxIncidents;
        blocks.Add(Context(view.OpenIncidents.Count == 0 ? "No incident is open."
            : more > 0 ? $"And {more} more: `{Escape(commandPrefix)} list` shows them all."
            : $"Updated {ThreadRoot.FormatUtc(view.At)}."));
        return new JsonObject { ["type"] = "home", ["blocks"] = blocks };
    }

    private static JsonObject Availability(HomeAvailability availability)
    {
        var text = !availability.InRegistry ? $"You are {availability.Reason}."
            : availability.MarkedAway ? $"You are {availability.Reason}: pages skip you."
            : availability.Available ? "You can be paged now." : $"You are not paged now: {availability.Reason}.";
        var section = Section(Escape(text));
        if (availability.InRegistry)
        {
            section["accessory"] = availability.MarkedAway
                ? Button("I'm back", SlackSurfaceRequest.BackButton, "back", primary: false)
                : Button("Mark me out of office", SlackSurfaceRequest.AwayButton, "ooo", primary: false);
        }

        return section;
    }

    private static string Describe(Incident incident, HomeView view, string? link)
    {
        var title = link is null ? Title(incident) : $"<{link}|{Title(incident)}>";
        var facts = new[]
        {
            incident.Status.ToString(),
            incident.Severity is { } sev ? $"SEV-{sev}" : "severity not set",
            $"owner {Escape(incident.Owner ?? "nobody yet")}",
            $"open {PostmortemFigures.Duration(view.AgeOf(incident))}",
            incident.IsPrivate ? "private" : null,
        };
        return $"*{title}*\n{string.Join(" · ", facts.OfType<string>())}";
    }

    private static JsonObject Waiting(string text, string label, string action, Incident incident)
    {
        var section = Section(text);
        section["accessory"] = Button(label, $"{action}:{incident.Number}", incident.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), primary: true);
        return section;
    }

    /// <summary>
    /// Short enough to leave room in a section for what follows it. A title may be a link's label, where a mention's
    /// closing bracket would end the link early, so nothing in it stays a mention.
    /// </summary>
    private static string Title(Incident incident) =>
        SlackTruncate.Escaped(SlackText.Escape($"{incident.Id} {ThreadRoot.TitlePrefix}{incident.Title}").Replace("<@", "&lt;@", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal), 300);

    private static string Escape(string text) => SlackText.Escape(text);

    private static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = text.Length > MaxHeaderLength ? text[..(MaxHeaderLength - 1)] + "…" : text },
    };

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackTruncate.Escaped(mrkdwn, SlackMessages.MaxTextLength) },
    };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn }),
    };

    private static JsonObject Divider() => new() { ["type"] = "divider" };

    /// <summary>Labels are ours, short and plain text; action ids are unique in the view, as Slack requires.</summary>
    private static JsonObject Button(string label, string actionId, string value, bool primary)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
            ["action_id"] = actionId,
            ["value"] = value,
        };
        if (primary)
        {
            button["style"] = "primary";
        }

        return button;
    }
}
