using IncidentBot.Api;
using IncidentBot.Dashboard.Html;

namespace IncidentBot.Dashboard.Access;

/// <summary>The sign-in page: the token form, the provider's button when OpenID Connect is set, and why the last try failed.</summary>
internal static class SignInPage
{
    public static IResult Render(HttpContext http, string returnUrl, ApiOptions api, DashboardOptions dashboard, string? problem, int status = StatusCodes.Status200OK)
    {
        var signedOut = http.Request.Query["signedOut"] == "true" && problem is null
            ? Markup.Of($"<p class=\"notice\" role=\"status\" id=\"signed-out\">You are signed out.</p>")
            : Markup.Empty;
        var error = problem is null ? Markup.Empty : Markup.Of($"<p class=\"error\" role=\"alert\" id=\"signin-error\">{problem}</p>");
        var tokenForm = api.Token is { Length: > 0 }
            ? Markup.Of($"""
                <form method="post" action="/ui/signin" class="card">{Forms.Token(http)}
                <input type="hidden" name="returnUrl" value="{returnUrl}">
                <label for="token">API token (Api:Token)</label>
                <input id="token" name="token" type="password" autocomplete="current-password" required>
                <p><button type="submit">Sign in</button></p>
                </form>
                """)
            : Markup.Of($"<p class=\"muted\">Signing in with the API token is off: Api:Token is not set.</p>");
        var oidc = dashboard.Oidc.IsConfigured
            ? Markup.Of($"<p><a class=\"badge\" href=\"/ui/signin/oidc?returnUrl={Uri.EscapeDataString(returnUrl)}\">Sign in with your organisation's account</a></p>")
            : Markup.Empty;
        return Layout.Page(http, "Sign in", Markup.Of($"<h1>Sign in</h1>\n{signedOut}{error}{oidc}{tokenForm}"), status);
    }

    /// <summary>
    /// The provider's callback is a cross-site navigation, on which a SameSite=Strict cookie is not sent; this page,
    /// same-site, moves on to <paramref name="returnUrl"/> with the cookie.
    /// </summary>
    public static IResult Continue(HttpContext http, string returnUrl)
    {
        var page = Layout.Page(http, "Signed in", Markup.Of($"<h1>Signed in</h1><p><a id=\"continue\" href=\"{returnUrl}\">Continue</a></p>"));
        http.Response.Headers["Refresh"] = "0; url=" + returnUrl;
        return page;
    }
}
