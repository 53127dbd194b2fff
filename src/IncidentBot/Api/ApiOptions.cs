namespace IncidentBot.Api;

/// <summary>
/// Section <c>Api</c>. Without a token <c>/api/*</c> answers 401 to everyone, except loopback clients in Development.
/// </summary>
internal sealed class ApiOptions
{
    public const string Section = "Api";

    public string? Token { get; set; }

    public static IEnumerable<string> Validate(ApiOptions o)
    {
        if (o.Token is { Length: > 0 } token && token.Trim().Length < 16)
        {
            yield return "Api:Token must be at least 16 characters (it guards incident data), or unset to keep the API closed.";
        }
    }
}
