using System.Text.Json.Nodes;
using IncidentBot.Core.Chat;

namespace IncidentBot.Slack;

/// <summary>
/// Renders a core message as a Block Kit message. Every piece of core text is escaped, so a title such as
/// <c>&lt;!channel&gt;</c> is shown, never broadcast; user mention tokens stay mentions.
/// </summary>
internal static class SlackMessages
{
    // Block Kit limits: section text 3000 characters, each field 2000, at most 10 fields per section.
    internal const int MaxTextLength = 3000;
    internal const int MaxFieldLength = 2000;
    internal const int MaxFieldsPerSection = 10;
    internal const int MaxActionIdLength = 255;

    public static JsonObject Render(ChatMessage message)
    {
        var blocks = new JsonArray();
        if (message.Heading is { Length: > 0 } heading)
        {
            blocks.Add(Section($"*{SlackTruncate.Escaped(SlackText.Escape(heading), MaxTextLength - 2)}*"));
        }

        if (message.Text.Length > 0)
        {
            blocks.Add(Section(SlackTruncate.Escaped(SlackText.Escape(message.Text), MaxTextLength)));
        }

        foreach (var chunk in message.FieldList.Chunk(MaxFieldsPerSection))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray([.. chunk.Select(Field)]),
            });
        }

        // Slack allows 25 elements per actions block; our messages carry a handful of buttons at most.
        foreach (var chunk in message.ButtonList.Chunk(25))
        {
            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk.Select(Button)]) });
        }

        var rendered = new JsonObject { ["text"] = SlackTruncate.Escaped(SlackText.Escape(Fallback(message)), MaxTextLength) };
        if (blocks.Count > 0)
        {
            rendered["blocks"] = blocks;
        }

        return rendered;
    }

    // The notification and screen-reader text; fields only when there is nothing else to show.
    private static string Fallback(ChatMessage message)
    {
        var lines = new[] { message.Heading, message.Text }.Where(line => !string.IsNullOrEmpty(line));
        var fallback = string.Join('\n', lines);
        return fallback.Length > 0 ? fallback : message.ToPlainText();
    }

    private static JsonObject Field(ChatField field)
    {
        var label = $"*{SlackText.Escape(field.Label)}*\n";
        var value = SlackTruncate.Escaped(SlackText.Escape(field.Value), Math.Max(1, MaxFieldLength - label.Length));
        return Mrkdwn(SlackTruncate.Escaped(label + value, MaxFieldLength));
    }

    /// <summary>
    /// plain_text is not markup, so labels are not escaped. Action ids are unique within a message because they carry
    /// the value; a value too long for an action id (255 characters; a suggested command) is stood for by its hash.
    /// </summary>
    private static JsonObject Button(ChatButton button)
    {
        var actionId = $"{button.Action}:{button.Value}";
        var element = new JsonObject
        {
            ["type"] = "button",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = button.Label.Length > 75 ? button.Label[..74] + "…" : button.Label },
            ["action_id"] = actionId.Length <= MaxActionIdLength ? actionId : $"{button.Action}:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(button.Value)))[..16]}",
            ["value"] = button.Value,
        };
        if (button.Primary)
        {
            element["style"] = "primary";
        }

        return element;
    }

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
