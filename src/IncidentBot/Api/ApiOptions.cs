namespace IncidentBot.Api;

/// <summary>Section <c>Api</c>. Without a token, <c>/api/*</c> answers loopback clients only.</summary>
internal sealed class ApiOptions
{
    public const string Section = "Api";

    public string? Token { get; set; }

    public static IEnumerable<string> Validate(ApiOptions o)
    {
        if (o.Token is { } token && token.Trim().Length < 16)
        {
            yield return "Api:Token must be at least 16 characters (it guards incident data), or unset for loopback-only access.";
        }
    }
}
