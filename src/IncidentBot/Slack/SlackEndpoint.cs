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
        // Without a signing secret nothing here could be verified: in Socket Mode alone the URL stays unmapped (404).
        if (SlackOptions.Read(app.Configuration) is { IsEnabled: true, ServesHttp: true })
        {
            app.MapPost("/slack/events", Receive);
        }
    }

    private static async Task<IResult> Receive(
        HttpRequest request,
        IOptions<SlackOptions> options,
        SlackReceiver receiver,
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
        // A form is read once, here; JSON only once its signature holds.
        var form = SlackInbound.IsForm(request.ContentType) ? SlackInbound.Parse(request.ContentType, body) : null;
        if (form is SlackSslCheck)
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

        var parsed = form ?? SlackInbound.Parse(request.ContentType, body);
        switch (parsed)
        {
            case SlackUrlVerification verification:
                return Results.Json(new { challenge = verification.Challenge });
            case SlackSslCheck:
                return Results.Ok();
            case SlackEventCallback or SlackInteraction when request.Headers.TryGetValue("X-Slack-Retry-Num", out var retry):
                LogRetry(logger, retry);
                break;
        }

        return await receiver.Receive(parsed, body, ct) switch
        {
            SlackAnswer.Ok { Body: { } answer } => Results.Json(answer),
            SlackAnswer.Refused refused => Results.Text(refused.Reason, statusCode: StatusCodes.Status400BadRequest),
            // Slack retries an event that is not answered 200 and turns delivery off after repeated failures; a command
            // or an interaction gets 403 with the reason, which Slack shows to the person who sent it.
            SlackAnswer.Foreign when parsed is SlackEventCallback => Results.Ok(),
            SlackAnswer.Foreign foreign => Results.Text(foreign.Reason, statusCode: StatusCodes.Status403Forbidden),
            SlackAnswer.NotYet notYet => Results.Text(notYet.Reason, statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => Results.Ok(),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to /slack/events: signature {Check}")]
    private static partial void LogRejected(ILogger logger, SignatureCheck check);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack redelivered a request (X-Slack-Retry-Num {RetryNum}); the inbox drops it if already stored")]
    private static partial void LogRetry(ILogger logger, Microsoft.Extensions.Primitives.StringValues retryNum);
}
