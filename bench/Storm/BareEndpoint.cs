using System.Security.Cryptography;
using System.Text;

namespace Storm;

/// <summary>
/// The yardstick: an ASP.NET Core endpoint that reads the body, checks Slack's signature the same way the bot does
/// (HMAC-SHA256 over the raw body, constant-time) and answers, storing nothing. Run as its own process, like the bot.
/// </summary>
internal static class BareEndpoint
{
    public static async Task Serve(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var key = Encoding.UTF8.GetBytes(secret);
        app.MapPost("/slack/events", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var timestamp = request.Headers["X-Slack-Request-Timestamp"].ToString();
            byte[] signed = [.. Encoding.UTF8.GetBytes($"v0:{timestamp}:"), .. buffer.ToArray()];
            var expected = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, signed));
            var given = request.Headers["X-Slack-Signature"].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given)))
            {
                return Results.Unauthorized();
            }

            return request.HasFormContentType && !request.Form.ContainsKey("payload")
                ? Results.Json(new { response_type = "ephemeral", text = "Got it." })
                : Results.Ok();
        });
        await app.StartAsync();
        Console.WriteLine("listening " + app.Urls.First());
        await app.WaitForShutdownAsync();
    }
}
