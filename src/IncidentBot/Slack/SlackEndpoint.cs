using System.Text;
using IncidentBot.Core.Commands;
using IncidentBot.Delivery;
using IncidentBot.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>
/// <c>POST /slack/events</c>, the one Request URL for slash commands, interactivity and the Events API. Verifies the
/// signature on the raw bytes, stores the request in the inbox and answers at once; the inbox worker does the rest,
/// so the answer never waits on Slack's API or a slow database query.
/// </summary>
internal static partial class SlackEndpoint
{
    /// <summary>Slack's largest payloads (a modal submission) are tens of kilobytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static void MapSlack(this WebApplication app)
    {
        if (SlackOptions.Read(app.Configuration).IsEnabled)
        {
            app.MapPost("/slack/events", Receive);
        }
    }

    private static async Task<IResult> Receive(
        HttpRequest request,
        IOptions<SlackOptions> options,
        Inbox inbox,
        InboxSignal signal,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(SlackEndpoint));
        var body = await RequestBody.Read(request, MaxBodyBytes, ct);
        if (body is null)
        {
            return Results.Text($"Request body over {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        // Slack probes a slash command's certificate unsigned; answered before the signature check, and nothing is kept.
        if (SlackInbound.IsSslCheck(request.ContentType, body))
        {
            return Results.Ok();
        }

        var check = SlackSignature.Verify(
            options.Value.SigningSecret!,
            request.Headers["X-Slack-Request-Timestamp"],
            request.Headers["X-Slack-Signature"],
            body,
            clock.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            LogRejected(logger, check);
            return Results.Text($"Slack signature check failed: {check}.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var parsed = SlackInbound.Parse(request.ContentType, body);
        switch (parsed)
        {
            case SlackUrlVerification verification:
                return Results.Json(new { challenge = verification.Challenge });
            case SlackSslCheck:
                return Results.Ok();
            case SlackSlashCommand command:
                return await ReceiveCommand(command, body, options.Value, inbox, signal, ct);
            case SlackEventCallback or SlackInteraction:
                if (request.Headers.TryGetValue("X-Slack-Retry-Num", out var retry))
                {
                    LogRetry(logger, retry);
                }

                await Store(inbox, signal, parsed is SlackEventCallback ? SlackInboxHandler.Event : SlackInboxHandler.Interaction, parsed, body, ct);
                return Results.Ok();
            case SlackUnrecognized unrecognized:
                return Results.Text($"Not a Slack request this app understands: {unrecognized.Reason}", statusCode: StatusCodes.Status400BadRequest);
            default:
                return Results.Text("Not a Slack request this app understands.", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ReceiveCommand(
        SlackSlashCommand command, byte[] body, SlackOptions options, Inbox inbox, InboxSignal signal, CancellationToken ct)
    {
        if (!command.Command.Equals(options.Command, StringComparison.OrdinalIgnoreCase))
        {
            return Ephemeral($"This app answers {options.Command}; {command.Command} is configured to reach it by mistake.");
        }

        // Help and usage are answered here and now; anything else gets a receipt and is processed from the inbox.
        var receipt = IncidentCommands.Receive(SlackText.Decode(command.Text), options.Command);
        await Store(inbox, signal, SlackInboxHandler.Command, command, body, ct);
        return Ephemeral(receipt.Answer);
    }

    private static async Task Store(Inbox inbox, InboxSignal signal, string kind, SlackRequest request, byte[] body, CancellationToken ct)
    {
        var id = await inbox.TryAdd(
            SlackChatPlatform.PlatformName, kind, Encoding.UTF8.GetString(body), SlackInbound.DedupeKeys(request), ct, SlackOrdering.Key(request));
        if (id is not null)
        {
            signal.Notify();
        }
    }

    private static IResult Ephemeral(string text) => Results.Json(new { response_type = "ephemeral", text = SlackText.Escape(text) });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to /slack/events: signature {Check}")]
    private static partial void LogRejected(ILogger logger, SignatureCheck check);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack redelivered a request (X-Slack-Retry-Num {RetryNum}); the inbox drops it if already stored")]
    private static partial void LogRetry(ILogger logger, Microsoft.Extensions.Primitives.StringValues retryNum);
}
