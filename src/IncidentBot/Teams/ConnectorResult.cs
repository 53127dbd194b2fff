using System.Text.Json;

namespace IncidentBot.Teams;

/// <summary>The outcome of one Bot Connector call, classified for the outbox like Slack's.</summary>
internal abstract record ConnectorResult
{
    private ConnectorResult()
    {
    }

    /// <summary>2xx; <see cref="Body"/> is the response (a ResourceResponse <c>{id}</c>, or <c>{}</c>).</summary>
    public sealed record Success(JsonElement Body) : ConnectorResult;

    /// <summary>429: wait <see cref="RetryAfter"/> when the connector said how long, else back off.</summary>
    public sealed record RateLimited(TimeSpan? RetryAfter) : ConnectorResult;

    /// <summary>412, 5xx, timeouts, no token right now: the same call may succeed later.</summary>
    public sealed record Transient(string Error) : ConnectorResult;

    /// <summary>Bad request, bot blocked or removed, untrusted serviceUrl: do not retry.</summary>
    public sealed record Permanent(string Error) : ConnectorResult;
}
