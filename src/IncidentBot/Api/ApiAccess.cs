using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IncidentBot.Api;

/// <summary>
/// Who may read <c>/api/*</c>: whoever sends <c>Authorization: Bearer &lt;Api:Token&gt;</c>. Outside Development there is
/// no other way in, because a reverse proxy or tunnel on this host connects from loopback and would make every caller
/// look local. Only in Development, and only while no token is set, are clients on this machine let in without one.
/// The client's address is the socket's, unless <c>ForwardedHeaders:KnownProxies</c> names the proxy it came through.
/// </summary>
internal sealed class ApiAccess(IOptions<ApiOptions> options, IHostEnvironment environment) : IEndpointFilter
{
    public const string MissingToken =
        "Api:Token is not set, so the API answers nobody: set Api:Token and send Authorization: Bearer <Api:Token>.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (options.Value.Token is { Length: > 0 } token)
        {
            var header = http.Request.Headers.Authorization.ToString();
            var given = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token)))
            {
                return Unauthorized(http, "Send Authorization: Bearer <Api:Token>.");
            }
        }
        else if (!environment.IsDevelopment())
        {
            return Unauthorized(http, MissingToken);
        }
        else if (http.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
        {
            return Results.Problem(
                "Api:Token is not set, so in Development the API answers clients on this machine only.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    private static IResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(detail, statusCode: StatusCodes.Status401Unauthorized);
    }
}
