using System.Text.Json.Nodes;
using IncidentBot.Core.Chat;

namespace IncidentBot.Teams;

/// <summary>
/// Renders a core message as an Adaptive Card 1.5 in a message activity: the heading and text as TextBlocks, fields
/// as a FactSet, buttons as <c>Action.Execute</c> with an <c>Action.Submit</c> fallback carrying the same data
/// (<c>{action, value}</c>), so older clients work too.
/// </summary>
internal static class TeamsCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject Render(ChatMessage message, Func<string, string> nameOf)
    {
        var mentions = new TeamsMentionList();
        var body = new JsonArray();
        if (message.Heading is { Length: > 0 } heading)
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock", ["text"] = TeamsText.WithMentions(heading, nameOf, mentions),
                ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true,
            });
        }

        if (message.Text.Length > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = TeamsText.WithMentions(message.Text, nameOf, mentions), ["wrap"] = true });
        }

        if (message.FieldList.Count > 0)
        {
            var facts = message.FieldList.Select(f => (JsonNode)new JsonObject
            {
                ["title"] = TeamsText.Escape(f.Label),
                ["value"] = TeamsText.WithMentions(f.Value, nameOf, mentions),
            });
            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray([.. facts]) });
        }

        var card = Card(body);
        if (message.ButtonList.Count > 0)
        {
            card["actions"] = new JsonArray([.. message.ButtonList.Select(Button)]);
        }

        if (mentions.Count > 0)
        {
            card["msteams"] = new JsonObject { ["entities"] = mentions.ToJson() };
        }

        return Activity(card, message.ToPlainText());
    }

    public static JsonObject Card(JsonArray body) => new()
    {
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = body,
    };

    /// <summary>
    /// A message activity with the card as its only attachment: text beside an attachment would be split by Teams into
    /// two messages. <c>summary</c> is what notifications show.
    /// </summary>
    public static JsonObject Activity(JsonObject card, string summary) => new()
    {
        ["type"] = "message",
        ["summary"] = summary.Length > 250 ? summary[..249] + "…" : summary,
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = ContentType, ["content"] = card }),
    };

    private static JsonNode Button(ChatButton button)
    {
        JsonObject Data() => new() { ["action"] = button.Action, ["value"] = button.Value };
        var execute = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = button.Label,
            ["verb"] = button.Action,
            ["data"] = Data(),
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = button.Label, ["data"] = Data() },
        };
        if (button.Primary)
        {
            execute["style"] = "positive";
        }

        return execute;
    }
}
