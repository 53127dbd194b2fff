using System.Text.Json.Nodes;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// Stores an envelope's request through the same <see cref="SlackReceiver"/> as <c>/slack/events</c> and builds its
/// acknowledgement. The acknowledgement exists only once the request is stored: when storing throws, there is none,
/// and Slack delivers the envelope again.
/// </summary>
internal sealed partial class SocketEnvelopeHandler(SlackReceiver receiver, ILogger<SocketEnvelopeHandler> logger)
{
    public async Task<JsonObject> Acknowledge(SocketEnvelope envelope, CancellationToken ct)
    {
        var (request, body) = SocketEnvelopeRequests.ToRequest(envelope);
        var answer = await receiver.Receive(request, body, ct);
        var ack = new JsonObject { ["envelope_id"] = envelope.EnvelopeId };
        switch (answer)
        {
            // A slash command's answer, or a modal's response_action, travels back inside the acknowledgement.
            case SlackAnswer.Ok { Body: { } payload } when envelope.AcceptsResponsePayload:
                ack["payload"] = payload;
                break;
            case SlackAnswer.Refused refused:
                // Acknowledged all the same: delivered again, it would be refused again.
                LogRefused(envelope.Type, refused.Reason);
                break;
            case SlackAnswer.Foreign foreign:
                LogRefused(envelope.Type, foreign.Reason);
                break;
            case SlackAnswer.NotYet notYet:
                // No acknowledgement: Slack delivers the envelope again, by when the workspace may be known.
                throw new InvalidOperationException(notYet.Reason);
        }

        return ack;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode {Type} envelope refused, nothing stored: {Reason}")]
    private partial void LogRefused(string type, string reason);
}
