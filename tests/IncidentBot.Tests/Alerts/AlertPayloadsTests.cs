using System.Text;
using IncidentBot.Alerts;
using IncidentBot.Core.Alerts;

namespace IncidentBot.Tests.Alerts;

public sealed class AlertPayloadsTests
{
    [Test]
    public void An_Alertmanager_notification_gives_its_alerts_with_group_key_fingerprint_labels_and_link()
    {
        var alert = Single(AlertPayloads.Alertmanager, AlertSamples.Alertmanager());

        Assert.That((alert.GroupKey, alert.Fingerprint, alert.Name, alert.Status), Is.EqualTo(("alertmanager:" + AlertSamples.GroupKey, "8c3b2a1f0e9d7c65", "CheckoutErrorRate", AlertStatus.Firing)));
        Assert.That(alert.StartsAt, Is.EqualTo(new DateTimeOffset(2026, 11, 30, 8, 52, 10, 153, TimeSpan.Zero)));
        Assert.That(alert.Summary, Is.EqualTo("Checkout returns 5xx for more than 5% of requests"));
        Assert.That((alert.Label("area"), alert.Label("severity")), Is.EqualTo(("payments", "critical")));
        Assert.That(alert.Annotations["runbook_url"], Is.EqualTo("https://runbooks.example.com/checkout-errors"));
        Assert.That(alert.Url, Does.StartWith("http://prometheus.example.internal:9090/graph"));
    }

    [Test]
    public void A_Grafana_notification_links_the_panel_and_keeps_the_offset_of_its_start()
    {
        var alert = Single(AlertPayloads.Grafana, AlertSamples.Grafana);

        Assert.That((alert.GroupKey, alert.Name, alert.Summary), Is.EqualTo(("grafana:{}:{alertname=\"High memory usage\"}", "High memory usage", "Bookings memory above 90% in us-1")));
        Assert.That(alert.StartsAt, Is.EqualTo(new DateTimeOffset(2026, 11, 30, 7, 51, 3, 157, TimeSpan.Zero).AddTicks(760)));
        Assert.That(alert.Url, Is.EqualTo("https://grafana.example.com/d/bookings?viewPanel=4"), "the panel, since the dashboard URL is empty");
    }

    [Test]
    public void A_generic_alert_takes_its_id_as_group_and_its_severity_as_a_label()
    {
        var alert = Single(AlertPayloads.Generic, AlertSamples.Generic);

        Assert.That((alert.GroupKey, alert.Name, alert.Label("severity"), alert.Label("area")), Is.EqualTo(("generic:nightly-backup", "Nightly database backup did not run", "critical", "platform")));
        Assert.That(alert.Url, Is.EqualTo("https://cron.example.com/checks/nightly-backup"));
    }

    [TestCase(AlertPayloads.Alertmanager, "not json", "The body is not JSON")]
    [TestCase(AlertPayloads.Alertmanager, "[1, 2]", "The body must be a JSON object.")]
    [TestCase(AlertPayloads.Alertmanager, """{ "version": "3", "groupKey": "g", "alerts": [] }""", "version '3' is not supported")]
    [TestCase(AlertPayloads.Alertmanager, """{ "version": "4", "alerts": [] }""", "groupKey is missing.")]
    [TestCase(AlertPayloads.Alertmanager, """{ "version": "4", "groupKey": "g", "alerts": [] }""", "alerts must be a list with at least one alert.")]
    [TestCase(AlertPayloads.Grafana, """{ "groupKey": "g", "alerts": [ { "status": "pending", "startsAt": "2026-11-30T09:00:00Z", "fingerprint": "f" } ] }""", "alerts[0].status must be firing or resolved.")]
    [TestCase(AlertPayloads.Grafana, """{ "groupKey": "g", "alerts": [ { "status": "firing", "startsAt": "yesterday", "fingerprint": "f" } ] }""", "alerts[0].startsAt is missing or not an RFC 3339 time.")]
    [TestCase(AlertPayloads.Grafana, """{ "groupKey": "g", "alerts": [ { "status": "firing", "startsAt": "2026-11-30T09:00:00" , "fingerprint": "f" } ] }""", "alerts[0].startsAt is missing")]
    [TestCase(AlertPayloads.Grafana, """{ "groupKey": "g", "alerts": [ { "status": "firing", "startsAt": "2026-11-30T09:00:00Z" } ] }""", "alerts[0].fingerprint is missing.")]
    [TestCase(AlertPayloads.Generic, """{ "title": "t", "status": "firing", "startedAt": "2026-11-30T09:00:00Z" }""", "id is missing")]
    [TestCase(AlertPayloads.Generic, """{ "id": "x", "status": "firing", "startedAt": "2026-11-30T09:00:00Z" }""", "title is missing.")]
    [TestCase(AlertPayloads.Generic, """{ "id": "x", "title": "t", "status": "ok", "startedAt": "2026-11-30T09:00:00Z" }""", "status must be firing or resolved.")]
    [TestCase(AlertPayloads.Generic, """{ "id": "x", "title": "t", "status": "firing", "startedAt": 1764493200 }""", "startedAt is missing or not an ISO 8601 time")]
    public void Malformed_payloads_are_refused_with_the_reason(string source, string body, string problem)
    {
        var parsed = AlertPayloads.Parse(source, Encoding.UTF8.GetBytes(body));

        Assert.That(parsed.Problem, Does.Contain(problem));
        Assert.That(parsed.Alerts, Is.Empty);
    }

    private static Alert Single(string source, string body)
    {
        var parsed = AlertPayloads.Parse(source, Encoding.UTF8.GetBytes(body));
        Assert.That(parsed.Problem, Is.Null);
        return parsed.Alerts.Single();
    }
}
