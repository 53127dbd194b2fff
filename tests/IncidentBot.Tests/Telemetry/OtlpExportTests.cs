using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Telemetry;

internal sealed class OtlpExportTests
{
    [Test]
    public async Task With_an_OTLP_endpoint_set_spans_and_metrics_reach_it_over_http_protobuf()
    {
        using var database = TestDatabase.Create(StorageProvider.Sqlite);
        await using var slack = await FakeSlack.Start();
        await using var collector = await FakeOtlpReceiver.Start();
        await using var bot = BotHost.Start(database.Settings, slack, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export at once rather than every 60 s (metrics) and 5 s (spans).
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });

        using (await bot.SlashCommand("Checkout API returns 500s"))
        {
        }

        // Each in some export: the batch processor sends what has ended every 100 ms, so the two may come apart.
        var spans = await Eventually.Get(() => collector.Exports, e => Traced(e, "inbox handle") && Traced(e, "outbox send"), "the inbox and outbox spans");
        var metrics = await Eventually.Get(() => collector.Exports, e => e.Any(x => x.Path == "/v1/metrics" && x.Mentions("incidentbot_outbox_pending")), "the outbox gauge");

        Assert.Multiple(() =>
        {
            Assert.That(spans.Where(x => x.Path == "/v1/traces").Select(x => x.ContentType), Is.All.EqualTo("application/x-protobuf"));
            Assert.That(metrics.Where(x => x.Path == "/v1/metrics").Select(x => x.ContentType), Is.All.EqualTo("application/x-protobuf"));
            Assert.That(Traced(spans, "POST /slack/events"), Is.True, "ASP.NET Core's span of the inbound request");
            Assert.That(Traced(spans, "incidentbot"), Is.True, "the service name");
        });
    }

    private static bool Traced(IEnumerable<OtlpExport> exports, string name) => exports.Any(x => x.Path == "/v1/traces" && x.Mentions(name));
}
