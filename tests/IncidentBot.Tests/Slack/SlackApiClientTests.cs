using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

internal sealed class SlackApiClientTests
{
    private static readonly JsonObject Message = new() { ["channel"] = "C1", ["text"] = "hello" };

    private static (SlackApiClient Client, StubHandler Handler) Client(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        var handler = new StubHandler(respond);
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://slack.test/api/") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "xoxb-test");
        return (new SlackApiClient(http), handler);
    }

    private static Task<SlackApiResult> Call(HttpResponseMessage response) =>
        Client(_ => response).Client.Call("chat.postMessage", Message, CancellationToken.None);

    [Test]
    public async Task A_call_posts_json_to_the_method_under_the_base_url()
    {
        var (client, handler) = Client(_ => StubHandler.Json("""{"ok":true,"channel":"C1","ts":"1.000100"}"""));

        var result = await client.Call("chat.postMessage", Message, CancellationToken.None);

        Assert.That(result, Is.TypeOf<SlackApiResult.Success>());
        Assert.That(((SlackApiResult.Success)result).Body.GetProperty("ts").GetString(), Is.EqualTo("1.000100"));
        var sent = handler.Sent.Single();
        Assert.That(sent.Url, Is.EqualTo(new Uri("https://slack.test/api/chat.postMessage")));
        Assert.That(sent.ContentType, Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(JsonNode.Parse(sent.Body)!["channel"]!.GetValue<string>(), Is.EqualTo("C1"));
        Assert.That(sent.Authorization, Is.EqualTo("Bearer xoxb-test"));
    }

    [TestCase("channel_not_found")]
    [TestCase("not_in_channel")]
    [TestCase("invalid_auth")]
    [TestCase("token_revoked")]
    [TestCase("invalid_blocks")]
    [TestCase("msg_too_long")]
    public async Task A_business_error_is_permanent(string error)
    {
        var result = await Call(StubHandler.Json($$"""{"ok":false,"error":"{{error}}"}"""));

        Assert.That(result, Is.EqualTo(new SlackApiResult.Permanent(error)));
    }

    [TestCase("ratelimited")]
    [TestCase("internal_error")]
    [TestCase("fatal_error")]
    [TestCase("service_unavailable")]
    [TestCase("request_timeout")]
    [TestCase("timeout")]
    public async Task A_slack_side_error_is_transient(string error)
    {
        var result = await Call(StubHandler.Json($$"""{"ok":false,"error":"{{error}}"}"""));

        Assert.That(result, Is.EqualTo(new SlackApiResult.Transient(error)));
    }

    [TestCase("<html>Bad gateway</html>")]
    [TestCase("""{"error":"no ok"}""")]
    [TestCase("")]
    public async Task An_unreadable_answer_is_transient(string body)
    {
        Assert.That(await Call(StubHandler.Json(body)), Is.EqualTo(new SlackApiResult.Transient("invalid_response")));
    }

    [TestCase("7", 7)]
    [TestCase(null, 30)]
    [TestCase("soon", 30)]
    [TestCase("86400", 900)]
    public async Task Too_many_requests_waits_as_long_as_slack_asks_within_reason(string? retryAfter, int seconds)
    {
        var response = StubHandler.Json("""{"ok":false,"error":"ratelimited"}""", HttpStatusCode.TooManyRequests);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        Assert.That(await Call(response), Is.EqualTo(new SlackApiResult.RateLimited(TimeSpan.FromSeconds(seconds))));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    public async Task A_server_error_is_transient(HttpStatusCode status)
    {
        Assert.That(await Call(new HttpResponseMessage(status)), Is.EqualTo(new SlackApiResult.Transient($"http_{(int)status}")));
    }

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.NotFound)]
    [TestCase(HttpStatusCode.Gone)]
    public async Task Another_http_error_is_permanent(HttpStatusCode status)
    {
        Assert.That(await Call(new HttpResponseMessage(status)), Is.EqualTo(new SlackApiResult.Permanent($"http_{(int)status}")));
    }

    [Test]
    public async Task A_network_failure_is_transient()
    {
        var (client, _) = Client(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        var result = await client.Call("chat.postMessage", Message, CancellationToken.None);

        Assert.That(result, Is.TypeOf<SlackApiResult.Transient>().With.Property("Error").StartsWith("network_error"));
    }

    [Test]
    public async Task A_timeout_is_transient()
    {
        var (client, _) = Client(_ => throw new TaskCanceledException("HttpClient.Timeout", new TimeoutException()));

        Assert.That(await client.Call("chat.postMessage", Message, CancellationToken.None), Is.EqualTo(new SlackApiResult.Transient("timeout")));
    }

    [Test]
    public void Cancelling_the_call_cancels_instead_of_reporting_a_failure()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var (client, _) = Client(_ => StubHandler.Json("""{"ok":true}"""));

        Assert.That(() => client.Call("chat.postMessage", Message, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [TestCase("https://evil.example/steal")]
    [TestCase("../oauth.v2.access")]
    [TestCase("chat.postMessage?token=x")]
    [TestCase("")]
    public void A_method_name_that_is_not_one_is_refused(string method)
    {
        var (client, _) = Client(_ => StubHandler.Json("""{"ok":true}"""));

        Assert.That(() => client.Call(method, Message, CancellationToken.None), Throws.ArgumentException);
    }
}
