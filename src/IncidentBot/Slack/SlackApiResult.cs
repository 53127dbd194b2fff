using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>
/// The outcome of one Web API call, classified for the outbox: retry after a wait, retry with backoff, or give up.
/// Slack reports most failures as HTTP 200 with <c>ok:false</c>, so the status code alone decides nothing.
/// </summary>
internal abstract record SlackApiResult
{
    private SlackApiResult()
    {
    }

    /// <summary><c>ok:true</c>; <see cref="Body"/> is the whole response (for a response URL, often just <c>{}</c>).</summary>
    public sealed record Success(JsonElement Body) : SlackApiResult;

    /// <summary>HTTP 429: wait <see cref="RetryAfter"/> before calling this method for this workspace again.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : SlackApiResult;

    /// <summary>Slack or the network is having trouble: the same call may succeed later.</summary>
    public sealed record Transient(string Error) : SlackApiResult;

    /// <summary>The call will never succeed as it is (bad channel, revoked token, invalid blocks): do not retry.</summary>
    public sealed record Permanent(string Error) : SlackApiResult;
}
