using System.Net.Http.Headers;
using System.Text;

namespace IncidentBot.Tests.Hosting;

/// <summary>
/// One hostile request of the corpus: how to build it (given the live fixtures, for signatures and tokens) and which
/// answers are right. <see cref="Allowed"/> null means any 4xx.
/// </summary>
internal sealed record HostileRequest(string Name, Func<HostileContext, HttpRequestMessage> Build, int[]? Allowed = null)
{
    public override string ToString() => Name;

    public bool Accepts(int status) => Allowed is null ? status is >= 400 and < 500 : Allowed.Contains(status);

    public static HttpRequestMessage Raw(HttpMethod method, string path, byte[]? body = null, string? contentType = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        return request;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>What a request needs from the running fixture: Slack's signing, the test authority's tokens, the connector's URL.</summary>
internal sealed record HostileContext(
    Func<byte[], DateTimeOffset, string?, (string Timestamp, string Signature)> SignSlack,
    Func<string?, DateTimeOffset, string, TimeSpan?, bool, string> TeamsToken,
    string ServiceUrl,
    string ApiToken);
