using System.Security.Claims;
using IncidentBot.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace IncidentBot.Dashboard.Access;

/// <summary>
/// Sign-in for <c>/ui</c>: a session cookie (HttpOnly, SameSite=Strict, Secure outside Development), obtained with
/// <c>Api:Token</c> on the sign-in page or from the OpenID Connect provider when <c>Dashboard:Oidc</c> is set. The JSON
/// API keeps its bearer token and never accepts the cookie: a page could be tricked into sending a cookie, not a header.
/// </summary>
internal static class DashboardAuthentication
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string SignInPath = "/ui/signin";

    public static IServiceCollection AddDashboardAccess(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var isDevelopment = environment.IsDevelopment();
        services.AddValidatedOptions<DashboardOptions>(configuration, DashboardOptions.Section, o => DashboardOptions.Validate(o, isDevelopment));
        var options = configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        var secure = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        var authentication = services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = "IncidentBot.Dashboard";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure;
            cookie.Cookie.Path = "/ui";
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = SignInPath;
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.ExpireTimeSpan = options.SessionLifetime;
            cookie.SlidingExpiration = true;
        });
        if (options.Oidc.IsConfigured && options.Oidc.Validate(isDevelopment).Any() is false)
        {
            authentication.AddOpenIdConnect(OidcScheme, oidc => Configure(oidc, options.Oidc, isDevelopment));
        }

        services.AddAuthorization();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "IncidentBot.Antiforgery";
            antiforgery.Cookie.Path = "/ui";
            // Not a credential, and the sign-in page must render over plain HTTP in tests and behind TLS-terminating proxies.
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = Forms.AntiforgeryField;
        });
        services.AddSingleton<DashboardPermissions>();
        return services;
    }

    private static void Configure(OpenIdConnectOptions oidc, OidcOptions settings, bool isDevelopment)
    {
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        oidc.ResponseType = "code";
        oidc.UsePkce = true;
        oidc.RequireHttpsMetadata = !isDevelopment;
        oidc.CallbackPath = "/ui/signin-oidc";
        oidc.SignedOutCallbackPath = "/ui/signout-oidc";
        oidc.SignInScheme = CookieScheme;
        oidc.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email" })
        {
            oidc.Scope.Add(scope);
        }

        oidc.GetClaimsFromUserInfoEndpoint = true;
        oidc.SaveTokens = false;
        oidc.TokenValidationParameters.NameClaimType = "name";
        oidc.Events.OnTokenValidated = context =>
        {
            (context.Principal?.Identity as ClaimsIdentity)?.AddClaim(new Claim(DashboardUser.ViaClaim, DashboardUser.ViaOidc));
            return Task.CompletedTask;
        };
    }
}
