using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Core.Commands;
using IncidentBot.Delivery;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>
/// What both transports do with a request once they trust where it came from (a valid signature over HTTP, the
/// authenticated socket in Socket Mode): store it in the inbox, deduplicated, and work out the immediate answer.
/// The answer is the HTTP response body, or the payload of a Socket Mode acknowledgement.
/// </summary>
internal sealed class SlackReceiver(Inbox inbox, InboxSignal signal, IOptions<SlackOptions> options)
{
    /// <summary>
    /// Stores the request (unless it is a duplicate) and returns what to answer. Throws when the inbox cannot store
    /// it, so the caller does not acknowledge and Slack delivers it again.
    /// </summary>
    public async Task<SlackAnswer> Receive(SlackRequest request, byte[] body, CancellationToken ct)
    {
        switch (request)
        {
            case SlackSlashCommand command:
                return await ReceiveCommand(command, body, ct);
            case SlackEventCallback:
                await Store(SlackInboxHandler.Event, request, body, ct);
                return SlackAnswer.Empty;
            case SlackInteraction interaction:
                await Store(SlackInboxHandler.Interaction, request, body, ct);
                return SlackAnswer.Empty;
            case SlackUnrecognized unrecognized:
                return new SlackAnswer.Refused($"Not a Slack request this app understands: {unrecognized.Reason}");
            default:
                return new SlackAnswer.Refused("Not a Slack request this app understands.");
        }
    }

    private async Task<SlackAnswer> ReceiveCommand(SlackSlashCommand command, byte[] body, CancellationToken ct)
    {
        var configured = options.Value.Command;
        if (!command.Command.Equals(configured, StringComparison.OrdinalIgnoreCase))
        {
            return Ephemeral($"This app answers {configured}; {command.Command} is configured to reach it by mistake.");
        }

        // Help and usage are answered here and now; anything else gets a receipt and is processed from the inbox.
        var receipt = IncidentCommands.Receive(SlackText.Decode(command.Text), configured);
        await Store(SlackInboxHandler.Command, command, body, ct);
        return Ephemeral(receipt.Answer);
    }

    private async Task Store(string kind, SlackRequest request, byte[] body, CancellationToken ct)
    {
        var id = await inbox.TryAdd(SlackChatPlatform.PlatformName, kind, Encoding.UTF8.GetString(body), SlackInbound.DedupeKeys(request), ct);
        if (id is not null)
        {
            signal.Notify();
        }
    }

    private static SlackAnswer.Ok Ephemeral(string text) =>
        new(new JsonObject { ["response_type"] = "ephemeral", ["text"] = SlackText.Escape(text) });
}
