using System.Net;
using System.Text.Json.Nodes;
using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

internal sealed class SlackResponseUrlTests
{
    private static readonly Uri ResponseUrl = new("https://hooks.slack.com/commands/T1/397700885554/96rGlfmibIGlgcZ");

    private static readonly JsonObject Message = new() { ["response_type"] = "ephemeral", ["text"] = "Declared INC-4" };

    private static async Task<(SlackApiResult Result, StubHandler Handler)> Post(Uri url, Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        var handler = new StubHandler(respond);
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://slack.com/api/") };
        var result = await new SlackApiClient(http).PostToResponseUrl(url, Message, CancellationToken.None);
        return (result, handler);
    }

    [Test]
    public async Task A_plain_ok_answer_is_a_success()
    {
        var (result, handler) = await Post(ResponseUrl, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("ok") });

        Assert.That(result, Is.TypeOf<SlackApiResult.Success>());
        Assert.That(handler.Sent.Single().Url, Is.EqualTo(ResponseUrl));
        Assert.That(handler.Sent.Single().ContentType, Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(JsonNode.Parse(handler.Sent.Single().Body)!["text"]!.GetValue<string>(), Is.EqualTo("Declared INC-4"));
    }

    [TestCase("{\"ok\":true}", true)]
    [TestCase(" \n[1]", true)]
    [TestCase("ok", false)]
    [TestCase("", false)]
    [TestCase("  ", false)]
    [TestCase("{\"ok\":", false)]
    [TestCase("true false", false)]
    public void A_body_is_read_as_JSON_only_when_it_is_one_whole_JSON_value(string body, bool json)
    {
        Assert.That(SlackJson.TryParse(System.Text.Encoding.UTF8.GetBytes(body), out _), Is.EqualTo(json));
    }

    [TestCase(HttpStatusCode.NotFound)]
    [TestCase(HttpStatusCode.Gone)]
    public async Task An_expired_response_url_is_permanent(HttpStatusCode status)
    {
        var (result, _) = await Post(ResponseUrl, _ => new HttpResponseMessage(status));

        Assert.That(result, Is.EqualTo(new SlackApiResult.Permanent("expired_url")));
    }

    [Test]
    public async Task Too_many_requests_is_rate_limited()
    {
        var (result, _) = await Post(ResponseUrl, _ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.Add("Retry-After", "3");
            return response;
        });

        Assert.That(result, Is.EqualTo(new SlackApiResult.RateLimited(TimeSpan.FromSeconds(3))));
    }

    [Test]
    public async Task A_server_error_is_transient()
    {
        var (result, _) = await Post(ResponseUrl, _ => new HttpResponseMessage(HttpStatusCode.BadGateway));

        Assert.That(result, Is.TypeOf<SlackApiResult.Transient>());
    }

    [Test]
    public async Task A_network_failure_is_transient()
    {
        var (result, _) = await Post(ResponseUrl, _ => throw new HttpRequestException("reset"));

        Assert.That(result, Is.TypeOf<SlackApiResult.Transient>());
    }

    [TestCase("https://evil.example/hook")]
    [TestCase("https://hooks.slack.com.evil.example/hook")]
    [TestCase("http://hooks.slack.com/commands/T1/1/x")]
    public async Task A_url_outside_slack_is_refused_without_sending_the_token_there(string url)
    {
        var (result, handler) = await Post(new Uri(url), _ => new HttpResponseMessage(HttpStatusCode.OK));

        Assert.That(result, Is.EqualTo(new SlackApiResult.Permanent("untrusted_url")));
        Assert.That(handler.Sent, Is.Empty);
    }

    [TestCase("https://hooks.slack-gov.com/commands/T1/1/x", "https://slack-gov.com/api/")]
    [TestCase("http://127.0.0.1:5099/hooks/1", "http://127.0.0.1:5099/api/")]
    public void Slack_domains_and_the_configured_api_host_are_trusted(string url, string apiBase)
    {
        Assert.That(SlackResponseUrls.IsTrusted(new Uri(url), new Uri(apiBase)), Is.True);
    }
}
