using System.Security.Cryptography;
using System.Text;
using IncidentBot.Delivery;
using IncidentBot.Hosting;
using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts;

/// <summary>
/// <c>POST /api/alerts/{source}</c>: checks the source's own credential (not <c>Api:Token</c>: a monitoring system gets
/// only the right to report alerts), parses the payload, stores it in the durable inbox and answers 202 at once; the
/// inbox worker opens or updates incidents. A redelivery of the same body is dropped by the inbox. A source that is off,
/// a wrong credential or a malformed payload is refused with the reason, and nothing is stored.
/// </summary>
internal static partial class AlertEndpoint
{
    public const string Path = "/api/alerts/{source}";

    /// <summary>The inbox's platform name for stored alert payloads; the kind is the source.</summary>
    public const string InboxPlatform = "alerts";

    /// <summary>Alertmanager sends every alert of a group in one request; a thousand alerts fit in this.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static void MapAlerts(this WebApplication app) => app.MapPost(Path, Receive);

    private static async Task<IResult> Receive(
        string source,
        HttpRequest request,
        IOptions<AlertOptions> options,
        Inbox inbox,
        InboxSignal signal,
        AlertIntakeGate gate,
        TimeProvider clock,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        source = source.ToLowerInvariant();
        if (!AlertPayloads.IsSource(source))
        {
            return Results.Problem($"There is no alert source '{source}': use alertmanager, grafana or generic.", statusCode: StatusCodes.Status404NotFound);
        }

        if (options.Value.SourceFor(source) is not { } configured)
        {
            return Results.Problem($"Alerts:Sources:{source}:Token or :Secret is not set, so this source is off.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var body = await RequestBody.Read(request, MaxBodyBytes, ct);
        if (body is null)
        {
            return Results.Problem($"The body is over {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (AlertCredentials.Problem(request, configured, body, clock.GetUtcNow()) is { } problem)
        {
            LogRejected(loggers.CreateLogger(typeof(AlertEndpoint)), source, problem);
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(problem, statusCode: StatusCodes.Status401Unauthorized);
        }

        var parsed = AlertPayloads.Parse(source, body);
        if (parsed.Problem is { } malformed)
        {
            return Results.Problem($"Not a {source} alert payload: {malformed}", statusCode: StatusCodes.Status400BadRequest);
        }

        var dedupeKey = $"alert:{source}:{Convert.ToHexStringLower(SHA256.HashData(body))}";
        var stored = await gate.Run(() => inbox.TryAdd(InboxPlatform, source, Encoding.UTF8.GetString(body), [dedupeKey], ct), ct);
        if (stored is not null)
        {
            signal.Notify();
        }

        return Results.Accepted(value: new { alerts = parsed.Alerts.Count, duplicate = stored is null });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an alert from {Source}: {Problem}")]
    private static partial void LogRejected(ILogger logger, string source, string problem);
}
