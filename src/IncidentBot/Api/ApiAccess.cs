using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IncidentBot.Api;

/// <summary>Bearer <c>Api:Token</c> when it is set; otherwise only clients on this machine.</summary>
internal sealed class ApiAccess(IOptions<ApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (options.Value.Token is { Length: > 0 } token)
        {
            var header = http.Request.Headers.Authorization.ToString();
            var given = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token)))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Problem("Send Authorization: Bearer <Api:Token>.", statusCode: StatusCodes.Status401Unauthorized);
            }
        }
        else if (http.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
        {
            return Results.Problem("Api:Token is not set, so the API answers clients on this machine only.", statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }
}
