using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Registry;
using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>
/// What both transports do with a request once they trust where it came from (a valid signature over HTTP, the
/// authenticated socket in Socket Mode): store it in the inbox, deduplicated, and work out the immediate answer.
/// The answer is the HTTP response body, or the payload of a Socket Mode acknowledgement. A command whose answer is
/// final at once (help, usage, a parse error) is answered and not stored: there is nothing left to do with it.
/// </summary>
internal sealed partial class SlackReceiver(
    Inbox inbox,
    InboxSignal signal,
    IOptions<SlackOptions> options,
    SlackWorkspace workspace,
    IncidentCommands commands,
    ILogger<SlackReceiver> logger,
    IRegistrySource registry)
{
    /// <summary>
    /// Stores the request (unless it is a duplicate) and returns what to answer. Throws when the inbox cannot store
    /// it, so the caller does not acknowledge and Slack delivers it again.
    /// </summary>
    public async Task<SlackAnswer> Receive(SlackRequest request, byte[] body, CancellationToken ct)
    {
        if (request is SlackSlashCommand or SlackEventCallback or SlackInteraction && await ForAnotherApp(request, ct) is { } refused)
        {
            return refused;
        }

        switch (request)
        {
            case SlackSlashCommand command:
                return await ReceiveCommand(command, body, ct);
            case SlackEventCallback or SlackInteraction when !SlackInboxHandler.HasWork(request):
                // Slack's, so it wants an acknowledgement, but nothing here would act on it, so nothing is kept.
                return SlackAnswer.Empty;
            case SlackEventCallback callback when SlackEventReader.Read(callback) is SlackMention mention
                && await commands.AnswerIfFinal(SlackCommandContexts.Of(mention, $"slack:mention:{mention.Channel}:{mention.Ts}"), mention.CommandText, ct):
                // Help or usage, asked by mentioning the bot: answered now, nothing stored. The answer is keyed by the
                // message, so the same mention delivered again (even under another event id) is answered once.
                return SlackAnswer.Empty;
            case SlackEventCallback:
                await Store(SlackInboxHandler.Event, request, body, ct);
                return SlackAnswer.Empty;
            case SlackInteraction interaction when SlackFormErrors.Of(interaction.Payload, registry.Current) is { } errors:
                // The form stays open with the problems beside their fields; nothing is stored.
                return new SlackAnswer.Ok(errors);
            case SlackInteraction interaction:
                await Store(SlackInboxHandler.Interaction, request, body, ct);
                return SlackAnswer.Empty;
            case SlackUnrecognized unrecognized:
                return new SlackAnswer.Refused($"Not a Slack request this app understands: {unrecognized.Reason}");
            default:
                return new SlackAnswer.Refused("Not a Slack request this app understands.");
        }
    }

    /// <summary>
    /// Null when the request is for this workspace and app. The signature (or the socket) proves Slack sent it, not
    /// that it is for us: an app in several workspaces, or a second app sharing the secret, must not reach our incidents.
    /// </summary>
    private async Task<SlackAnswer?> ForAnotherApp(SlackRequest request, CancellationToken ct)
    {
        if (await workspace.Identity(ct) is not { } identity)
        {
            return new SlackAnswer.NotYet("IncidentBot could not yet confirm with Slack which workspace it serves; try again shortly.");
        }

        if (SlackWorkspaceCheck.Mismatch(request, identity) is not { } why)
        {
            return null;
        }

        LogForeign(request.GetType().Name, why);
        return new SlackAnswer.Foreign($"Refused: {why}.");
    }

    private async Task<SlackAnswer> ReceiveCommand(SlackSlashCommand command, byte[] body, CancellationToken ct)
    {
        var configured = options.Value.Command;
        if (!command.Command.Equals(configured, StringComparison.OrdinalIgnoreCase))
        {
            return Ephemeral($"This app answers {configured}; {command.Command} is configured to reach it by mistake.");
        }

        // Help, usage and parse errors are answered here and now, and not stored; anything else gets a receipt and is
        // processed from the inbox.
        var receipt = IncidentCommands.Receive(SlackText.Decode(command.Text), configured);
        if (receipt.IsFinal)
        {
            return Ephemeral(receipt.Answer);
        }

        try
        {
            await Store(SlackInboxHandler.Command, command, body, ct);
        }
        catch (InboxFullException)
        {
            // Slack does not retry a slash command: the person hears now that it was not taken, not after a timeout.
            return Ephemeral($"IncidentBot is taking more requests than it can store right now and did not take this one. Send {configured} {SlackText.Decode(command.Text)} again in a few seconds.");
        }

        return Ephemeral(receipt.Answer);
    }

    private async Task Store(string kind, SlackRequest request, byte[] body, CancellationToken ct)
    {
        var id = await inbox.TryAdd(
            SlackChatPlatform.PlatformName, kind, Encoding.UTF8.GetString(body), SlackInbound.DedupeKeys(request), ct, SlackOrdering.Key(request));
        if (id is not null)
        {
            signal.Notify();
        }
    }

    private static SlackAnswer.Ok Ephemeral(string text) =>
        new(new JsonObject { ["response_type"] = "ephemeral", ["text"] = SlackText.Escape(text) });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack {Kind}: {Why}")]
    private partial void LogForeign(string kind, string why);
}
