using System.Security.Claims;

namespace IncidentBot.Dashboard.Access;

/// <summary>
/// Who is signed in to the dashboard. <see cref="IsOperator"/>: they signed in with <c>Api:Token</c>, which names no
/// person, so they are whoever runs the bot. Otherwise they came through OpenID Connect and <see cref="Email"/> is what
/// the provider vouched for, which is how the expertise registry knows them.
/// </summary>
internal sealed record DashboardUser(string Name, string? Email, bool IsOperator)
{
    public const string ViaClaim = "incidentbot:via";
    public const string ViaToken = "token";
    public const string ViaOidc = "oidc";
    public const string OperatorName = "operator (Api:Token)";

    public static ClaimsPrincipal Operator(string scheme) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, OperatorName), new Claim(ViaClaim, ViaToken)], scheme));

    public static DashboardUser From(ClaimsPrincipal principal)
    {
        var isOperator = principal.FindFirstValue(ViaClaim) == ViaToken;
        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("email");
        var name = principal.FindFirstValue(ClaimTypes.Name) ?? principal.FindFirstValue("name") ?? email ?? "someone";
        return new DashboardUser(name, isOperator ? null : email, isOperator);
    }
}
