using System.Text.Json;

namespace IncidentBot.Teams;

/// <summary>
/// Reads what an activity means: a command, a reply in a channel reply chain (or its edit or deletion), a card
/// button or form. A mention of the bot inside a reply chain is both a reply (it goes on the timeline) and a command.
/// </summary>
internal static class TeamsActivityReader
{
    public const string ExecuteInvoke = "adaptiveCard/action";

    public static IReadOnlyList<TeamsInput> Read(TeamsActivity activity, DateTimeOffset receivedAt)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversation || activity.From?.Id is not { Length: > 0 } from
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return [new TeamsIgnored("activity without conversation, from or serviceUrl")];
        }

        if (from == activity.Recipient?.Id)
        {
            return [new TeamsIgnored("the bot's own message")];
        }

        var reference = new TeamsReference(serviceUrl, conversation, activity.TenantId, from, activity.From.Name, activity.From.AadObjectId);
        var channel = TeamsConversationIds.Base(conversation);
        var root = TeamsConversationIds.RootMessageId(conversation);
        var inChain = root is not null && activity.Id is not null && root != activity.Id;
        var at = activity.Timestamp ?? receivedAt;
        switch (activity.Type)
        {
            case "invoke" when activity.Name == ExecuteInvoke && activity.Value is { } value:
                return [CardData(reference, value.TryGetProperty("action", out var action) ? Data(action) : null)];
            case "message" when activity.Value is { ValueKind: JsonValueKind.Object } submitted:
                return [CardData(reference, submitted)];
            case "message" when activity.Conversation.ConversationType == "personal":
                return [new TeamsCommand(reference, channel, null, TeamsCommandText.Of(TeamsMentions.Translate(activity)))];
            case "message" when inChain && activity.Conversation.ConversationType == "channel":
                var reply = new TeamsThreadReply(reference, channel, conversation, activity.Id!, TeamsMentions.Translate(activity), at);
                return TeamsMentions.MentionsBot(activity)
                    ? [reply, new TeamsCommand(reference, channel, conversation, TeamsCommandText.Of(reply.Text))]
                    : [reply];
            case "message" when TeamsMentions.MentionsBot(activity):
                return [new TeamsCommand(reference, channel, null, TeamsCommandText.Of(TeamsMentions.Translate(activity)))];
            case "messageUpdate" when inChain:
                return [new TeamsReplyEdited(channel, conversation, activity.Id!, TeamsMentions.Translate(activity), at)];
            case "messageDelete" when inChain:
                return [new TeamsReplyDeleted(channel, conversation, activity.Id!)];
            default:
                return [new TeamsIgnored($"nothing to do for a {activity.Type} activity here")];
        }
    }

    /// <summary>
    /// A card's data: <c>{action, value}</c> for a button, <c>{form, state, …inputs}</c> for a form (Teams merges the
    /// inputs into the data of the action that submitted them).
    /// </summary>
    private static TeamsInput CardData(TeamsReference from, JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d)
        {
            return new TeamsIgnored("card action without data");
        }

        if (Text(d, "form") is { } form)
        {
            var values = d.EnumerateObject()
                .Where(p => p.Name is not ("form" or "state" or "msteams"))
                .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString(), StringComparer.Ordinal);
            return new TeamsFormSubmit(from, form, Text(d, "state") ?? "", values);
        }

        return Text(d, "action") is { } action
            ? new TeamsCardAction(from, action, Text(d, "value") ?? "")
            : new TeamsIgnored("card data without action or form");
    }

    private static JsonElement? Data(JsonElement action) => action.ValueKind == JsonValueKind.Object && action.TryGetProperty("data", out var data) ? data : null;

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
