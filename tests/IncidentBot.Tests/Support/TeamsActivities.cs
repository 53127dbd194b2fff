using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Support;

/// <summary>Activities as the Bot Connector sends them to a bot installed in one team, shaped like the samples.</summary>
internal sealed class TeamsActivities(string serviceUrl)
{
    public const string Tenant = "50612dbb-0237-4969-b378-8d42590f9c00";
    public const string Channel = "19:6848757105754c8981c67612732d9aa7@thread.tacv2";
    public const string BotId = "28:" + TestAuthority.AppId;

    /// <summary>A top-level channel post mentioning the bot: its conversation is its own new reply chain.</summary>
    public JsonObject ChannelCommand(string id, string text, string user = "29:alice") =>
        Message(id, $"{Channel};messageid={id}", "channel", $"<at>IncidentBot</at> {text}", user, mentionsBot: true);

    public JsonObject Reply(string id, string thread, string text, string user = "29:bob") =>
        Message(id, thread, "channel", text, user, mentionsBot: false);

    public JsonObject Edit(string id, string thread, string text, string user = "29:bob")
    {
        var edit = Reply(id, thread, text, user);
        edit["type"] = "messageUpdate";
        edit["timestamp"] = "2026-11-22T09:05:00Z";
        return edit;
    }

    /// <summary>An Action.Submit press: a message with the card's data as its value and no text.</summary>
    public JsonObject Submit(string id, string conversation, JsonObject data, string user)
    {
        var submit = Message(id, conversation, conversation.StartsWith("a:", StringComparison.Ordinal) ? "personal" : "channel", null, user, mentionsBot: false);
        submit["value"] = data;
        return submit;
    }

    /// <summary>An Action.Execute press: an adaptiveCard/action invoke.</summary>
    public JsonObject Execute(string id, string conversation, JsonObject data, string user)
    {
        var invoke = Message(id, conversation, "personal", null, user, mentionsBot: false);
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = data["action"]!.DeepClone(), ["data"] = data }, ["trigger"] = "manual" };
        return invoke;
    }

    private JsonObject Message(string id, string conversation, string type, string? text, string user, bool mentionsBot)
    {
        var entities = new JsonArray();
        if (mentionsBot)
        {
            entities.Add(new JsonObject { ["type"] = "mention", ["text"] = "<at>IncidentBot</at>", ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "IncidentBot" } });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["timestamp"] = "2026-11-22T09:00:00Z",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = user, ["name"] = "User " + user[3..], ["aadObjectId"] = Guid.NewGuid().ToString() },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "IncidentBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = type, ["tenantId"] = Tenant, ["isGroup"] = type != "personal" },
            ["entities"] = entities,
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = Tenant },
                ["channel"] = type == "channel" ? new JsonObject { ["id"] = Channel } : null,
            },
        };
    }
}
