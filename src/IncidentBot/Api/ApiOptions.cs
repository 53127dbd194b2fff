namespace IncidentBot.Api;

/// <summary>
/// Section <c>Api</c>. Without a token <c>/api/*</c> answers 401 to everyone, except loopback clients in Development.
/// </summary>
internal sealed class ApiOptions
{
    public const string Section = "Api";

    public string? Token { get; set; }

    /// <summary>
    /// Whether the API gives a private incident's timeline and postmortem. The token names no person, so it cannot be
    /// checked against the incident's channel the way chat does: off unless the operator says every token holder may.
    /// </summary>
    public bool ShowPrivateIncidents { get; set; }

    public static IEnumerable<string> Validate(ApiOptions o)
    {
        if (o.Token is { Length: > 0 } token && token.Trim().Length < 16)
        {
            yield return "Api:Token must be at least 16 characters (it guards incident data), or unset to keep the API closed.";
        }
    }
}
