using System.Security.Cryptography;
using System.Text;
using IncidentBot.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IncidentBot.Dashboard.Access;

/// <summary>
/// <c>/ui/signin</c> (the page, and the form posting <c>Api:Token</c>), <c>/ui/signin/oidc</c> (off to the provider),
/// <c>/ui/signin/done</c> and <c>POST /ui/signout</c>.
/// </summary>
internal static partial class SignInEndpoints
{
    public static void MapSignIn(this RouteGroupBuilder ui)
    {
        ui.MapGet("/signin", (HttpContext http, string? returnUrl, IOptions<ApiOptions> api, IOptions<DashboardOptions> dashboard) =>
            SignInPage.Render(http, Local(returnUrl), api.Value, dashboard.Value, problem: null)).AllowAnonymous();
        ui.MapPost("/signin", SignInWithToken).AllowAnonymous();
        ui.MapGet("/signin/oidc", (string? returnUrl, IOptions<DashboardOptions> dashboard) => dashboard.Value.Oidc.IsConfigured
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = "/ui/signin/done?returnUrl=" + Uri.EscapeDataString(Local(returnUrl)) }, [DashboardAuthentication.OidcScheme])
            : Results.Problem("OpenID Connect sign-in is off: Dashboard:Oidc:Authority, :ClientId and :ClientSecret are not set.", statusCode: StatusCodes.Status404NotFound))
            .AllowAnonymous();
        ui.MapGet("/signin/done", (HttpContext http, string? returnUrl) => SignInPage.Continue(http, Local(returnUrl))).AllowAnonymous();
        ui.MapPost("/signout", async (HttpContext http) =>
        {
            var (_, refusal) = await Forms.Read(http);
            if (refusal is not null)
            {
                return refusal;
            }

            await http.SignOutAsync(DashboardAuthentication.CookieScheme);
            return Results.Redirect(DashboardAuthentication.SignInPath + "?signedOut=true");
        }).AllowAnonymous();
    }

    private static async Task<IResult> SignInWithToken(HttpContext http, IOptions<ApiOptions> api, IOptions<DashboardOptions> dashboard, ILoggerFactory logs)
    {
        var (form, refusal) = await Forms.Read(http);
        if (form is null)
        {
            return refusal!;
        }

        var returnUrl = Local(form["returnUrl"]);
        if (api.Value.Token is not { Length: > 0 } token)
        {
            return SignInPage.Render(http, returnUrl, api.Value, dashboard.Value, "Api:Token is not set, so nobody can sign in with it.", StatusCodes.Status403Forbidden);
        }

        var given = form["token"].ToString().Trim();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token)))
        {
            LogRefused(logs.CreateLogger("IncidentBot.Dashboard"), http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return SignInPage.Render(http, returnUrl, api.Value, dashboard.Value, "That is not the Api:Token. Nothing was signed in.", StatusCodes.Status401Unauthorized);
        }

        await http.SignInAsync(DashboardAuthentication.CookieScheme, DashboardUser.Operator(DashboardAuthentication.CookieScheme));
        return Results.Redirect(returnUrl);
    }

    /// <summary>Only pages of the dashboard itself are returned to: a sign-in link can never send anyone elsewhere.</summary>
    public static string Local(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith("/ui/", StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal)
            && !url.Contains('\\', StringComparison.Ordinal) && !url.StartsWith("/ui/sign", StringComparison.Ordinal)
            ? url
            : "/ui/incidents";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in refused: the token given is not Api:Token (client {Client})")]
    private static partial void LogRefused(ILogger logger, string client);
}
