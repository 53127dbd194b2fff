using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Chat;

namespace IncidentBot.Slack;

/// <summary>Core forms as Slack modals, and their submissions back as answers by field id.</summary>
internal static class SlackModals
{
    private const string ValueAction = "value";

    // Slack's limits for a static select: 100 options, 75 characters of text each.
    private const int MaxOptions = 100;
    private const int MaxOptionLength = 75;

    /// <summary>plain_text is not markup, so nothing is escaped; Slack limits a modal title to 24 characters.</summary>
    public static JsonObject Render(ChatForm form) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = form.Id,
        ["private_metadata"] = form.State,
        ["title"] = Plain(form.Title.Length > 24 ? form.Title[..24] : form.Title),
        ["submit"] = Plain(form.SubmitLabel),
        ["close"] = Plain("Cancel"),
        ["blocks"] = new JsonArray([.. form.Fields.Select(Input)]),
    };

    /// <summary>The answers of a <c>view_submission</c>: (form id, state, values by field id), or null for anything else.</summary>
    public static (string FormId, string State, Dictionary<string, string?> Values)? ReadSubmission(JsonElement payload)
    {
        if (payload.StringProperty("type") != "view_submission"
            || payload.ObjectProperty("view") is not { } view
            || view.StringProperty("callback_id") is not { } callback
            || view.ObjectProperty("state")?.ObjectProperty("values") is not { } blocks)
        {
            return null;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var block in blocks.EnumerateObject())
        {
            if (block.Value.ObjectProperty(ValueAction) is { } input)
            {
                values[block.Name] = Answer(input);
            }
        }

        return (callback, view.StringProperty("private_metadata") ?? "", values);
    }

    /// <summary>A choice's value, a picked user as a mention, or the typed text.</summary>
    private static string? Answer(JsonElement input)
    {
        if (input.ObjectProperty("selected_option") is { } option)
        {
            return option.StringProperty("value");
        }

        return input.StringProperty("selected_user") is { } user ? SlackIds.Mention(user)
            : input.StringProperty("selected_conversation") ?? input.StringProperty("value");
    }

    private static JsonObject Input(ChatFormField field)
    {
        JsonObject element = field.Person
            ? new() { ["type"] = "users_select", ["action_id"] = ValueAction }
            : field.Channel
            ? new() { ["type"] = "conversations_select", ["action_id"] = ValueAction, ["filter"] = new JsonObject { ["include"] = new JsonArray("public", "private"), ["exclude_bot_users"] = true } }
            : field.Options is { } options
            ? new()
            {
                ["type"] = "static_select",
                ["action_id"] = ValueAction,
                ["options"] = new JsonArray([.. options.Take(MaxOptions).Select(o => new JsonObject { ["text"] = Plain(Shorten(o.Label, MaxOptionLength)), ["value"] = o.Value })]),
            }
            : new() { ["type"] = "plain_text_input", ["action_id"] = ValueAction, ["multiline"] = field.Multiline };
        var block = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = field.Id,
            ["optional"] = !field.Required,
            ["label"] = Plain(field.Label),
            ["element"] = element,
        };
        if (field.Hint is { } hint)
        {
            block["hint"] = Plain(hint);
        }

        if (field.Initial is { } initial && element["type"]!.GetValue<string>() == "plain_text_input")
        {
            element["initial_value"] = initial;
        }

        return block;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };
}
