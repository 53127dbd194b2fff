using System.Text.Json.Nodes;

namespace IncidentBot.Slack;

/// <summary>The immediate answer to a request Slack sent, whichever way it arrived.</summary>
internal abstract record SlackAnswer
{
    /// <summary>Acknowledged with nothing to say.</summary>
    public static readonly SlackAnswer Empty = new Ok(null);

    /// <summary>Acknowledged; <see cref="Body"/> (a message, or a modal's <c>response_action</c>) goes back to Slack.</summary>
    public sealed record Ok(JsonObject? Body) : SlackAnswer;

    /// <summary>Not something this app understands: nothing was stored.</summary>
    public sealed record Refused(string Reason) : SlackAnswer;

    /// <summary>For another workspace or app: nothing was stored.</summary>
    public sealed record Foreign(string Reason) : SlackAnswer;

    /// <summary>Cannot be checked yet (Slack has not said which workspace this bot serves): nothing was stored; ask again later.</summary>
    public sealed record NotYet(string Reason) : SlackAnswer;
}
