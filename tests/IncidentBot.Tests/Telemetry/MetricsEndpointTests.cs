using System.Text.Json.Nodes;
using System.Net;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Telemetry;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class MetricsEndpointTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Token = "metrics-test-token-0123456789";

    /// <summary>Nudge:FirstStatusUpdate's default: the test advances the clock by it to make a reminder fire.</summary>
    private static readonly TimeSpan FirstStatusNudge = TimeSpan.FromMinutes(10);

    /// <summary>The reminders counter is Quartz's job's: these hosts schedule with Quartz, on the test's clock.</summary>
    protected override bool Quartz => true;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Api:Token"] = Token };

    [Test]
    public async Task Metrics_answer_401_without_the_API_token()
    {
        using var anonymous = new HttpClient { BaseAddress = Bot.Http.BaseAddress };
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new("Bearer", "not-the-token-at-all-000") } };

        using var none = await anonymous.GetAsync("/metrics");
        using var refused = await anonymous.SendAsync(wrong);
        using var allowed = await Bot.Http.GetAsync("/metrics");

        Assert.Multiple(() =>
        {
            Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(allowed.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"), "Prometheus text format");
        });
    }

    [Test]
    public async Task Metrics_count_acknowledgements_processed_requests_deliveries_and_reminders()
    {
        await Declare("Checkout API returns 500s");

        await Advance(FirstStatusNudge);
        var scrape = await ScrapeUntil(s => PrometheusText.Value(s, "incidentbot_reminders_fired_total", "kind=") >= 1, "a nudge to fire");

        Assert.Multiple(() =>
        {
            Assert.That(PrometheusText.Value(scrape, "incidentbot_ack_latency_seconds_count", "platform=\"slack\""), Is.GreaterThanOrEqualTo(1));
            Assert.That(PrometheusText.Value(scrape, "incidentbot_ack_latency_seconds_bucket", "le=\"3\""), Is.GreaterThanOrEqualTo(1));
            Assert.That(PrometheusText.Value(scrape, "incidentbot_inbox_processed_total", "platform=\"slack\""), Is.GreaterThanOrEqualTo(1));
            Assert.That(PrometheusText.Value(scrape, "incidentbot_outbox_delivered_total", "destination=\"slack\""), Is.GreaterThanOrEqualTo(2), "root and answer");
            Assert.That(PrometheusText.Value(scrape, "incidentbot_inbox_pending", "platform=\"slack\""), Is.Not.Null);
            Assert.That(PrometheusText.Value(scrape, "incidentbot_outbox_set_aside_stored", "destination=\"slack\""), Is.Zero);
        });
    }

    [Test]
    public async Task While_Slack_is_down_the_outbox_gauges_show_what_waits_and_for_how_long()
    {
        using (await Bot.SlashCommand("Checkout down", responseUrl: Slack.ResponseUrl("a")))
        {
        }

        // Slack goes down once the incident exists: while it is down the bot cannot check who is asking (guests).
        await Eventually.Get(() => Bot.Incident(1), (JsonObject? i) => i is not null, "the incident");
        Slack.Down = true;
        using (await Bot.SlashCommand("note INC-1 Cache flushed", responseUrl: Slack.ResponseUrl("b")))
        {
        }

        var scrape = await ScrapeUntil(
            s => PrometheusText.Value(s, "incidentbot_outbox_oldest_pending_age_seconds", "destination=\"slack\"") > 0
                && PrometheusText.Value(s, "incidentbot_outbox_retries_total", "destination=\"slack\"") >= 1,
            "a waiting message and a retry");

        Assert.That(PrometheusText.Value(scrape, "incidentbot_outbox_pending", "destination=\"slack\""), Is.GreaterThanOrEqualTo(1));

        Slack.Down = false;
        await ScrapeUntil(s => PrometheusText.Value(s, "incidentbot_outbox_pending", "destination=\"slack\"") == 0, "the outbox to drain");
    }

    [Test]
    public async Task A_message_Slack_refuses_for_good_is_counted_and_shown_as_set_aside()
    {
        Slack.FailWith("chat.postMessage", "channel_not_found");
        using (await Bot.SlashCommand("Checkout down", responseUrl: Slack.ResponseUrl("a")))
        {
        }

        var scrape = await ScrapeUntil(s => PrometheusText.Value(s, "incidentbot_outbox_set_aside_stored", "destination=\"slack\"") >= 1, "the refused root to be set aside");

        Assert.That(PrometheusText.Value(scrape, "incidentbot_outbox_set_aside_total", "destination=\"slack\""), Is.GreaterThanOrEqualTo(1));
    }

    private Task<string> ScrapeUntil(Func<string, bool> done, string what) =>
        Eventually.Get(() => Bot.Http.GetStringAsync("/metrics"), done, what);
}
