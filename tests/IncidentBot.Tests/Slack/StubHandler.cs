namespace IncidentBot.Tests.Slack;

/// <summary>Answers every request with a canned response (or exception) and remembers what was sent.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<SentRequest> Sent { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Like a real handler: a cancelled call never reaches the server.
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Sent.Add(new SentRequest(request.RequestUri!, request.Content?.Headers.ContentType?.ToString(), request.Headers.Authorization?.ToString(), body));
        return respond(request);
    }

    public static HttpResponseMessage Json(string json, System.Net.HttpStatusCode status = System.Net.HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
}

internal sealed record SentRequest(Uri Url, string? ContentType, string? Authorization, string Body);
