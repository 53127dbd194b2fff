namespace IncidentBot.Tests.Alerts;

/// <summary>
/// Payloads as each source sends them. Written out by us, field for field, from each source's documented example:
/// Alertmanager's from the Prometheus documentation of <c>webhook_config</c> (payload version 4, the shape of the
/// Alertmanager repository's webhook notifier), Grafana's from its documentation page "Configure the webhook
/// notifier for Alerting"; the values (names, times, URLs) are ours. The generic shape is ours (see the README).
/// </summary>
internal static class AlertSamples
{
    public const string GroupKey = "{}/{severity=\"critical\"}:{alertname=\"CheckoutErrorRate\"}";

    /// <summary>One firing alert of the group; <paramref name="status"/> and <paramref name="fingerprint"/> vary it.</summary>
    public static string Alertmanager(string status = "firing", string fingerprint = "8c3b2a1f0e9d7c65", string startsAt = "2026-11-30T08:52:10.153Z") => $$"""
        {
          "version": "4",
          "groupKey": "{}/{severity=\"critical\"}:{alertname=\"CheckoutErrorRate\"}",
          "truncatedAlerts": 0,
          "status": "{{status}}",
          "receiver": "incidentbot",
          "groupLabels": { "alertname": "CheckoutErrorRate" },
          "commonLabels": { "alertname": "CheckoutErrorRate", "area": "payments", "severity": "critical" },
          "commonAnnotations": { "summary": "Checkout returns 5xx for more than 5% of requests" },
          "externalURL": "http://alertmanager.example.internal:9093",
          "alerts": [
            {
              "status": "{{status}}",
              "labels": { "alertname": "CheckoutErrorRate", "area": "payments", "severity": "critical", "instance": "checkout-7f9c:8080", "job": "checkout" },
              "annotations": {
                "summary": "Checkout returns 5xx for more than 5% of requests",
                "description": "5xx ratio is 12.4% over the last 5 minutes",
                "runbook_url": "https://runbooks.example.com/checkout-errors"
              },
              "startsAt": "{{startsAt}}",
              "endsAt": "{{(status == "resolved" ? "2026-11-30T09:20:10.153Z" : "0001-01-01T00:00:00Z")}}",
              "generatorURL": "http://prometheus.example.internal:9090/graph?g0.expr=checkout_5xx_ratio+%3E+0.05&g0.tab=1",
              "fingerprint": "{{fingerprint}}"
            }
          ]
        }
        """;

    public const string Grafana = """
        {
          "receiver": "incidentbot",
          "status": "firing",
          "orgId": 1,
          "alerts": [
            {
              "status": "firing",
              "labels": { "alertname": "High memory usage", "team": "blue", "zone": "us-1", "grafana_folder": "Bookings" },
              "annotations": {
                "description": "The bookings service uses 93% of its memory",
                "runbook_url": "https://runbooks.example.com/bookings-memory",
                "summary": "Bookings memory above 90% in us-1"
              },
              "startsAt": "2026-11-30T09:51:03.157076+02:00",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "https://grafana.example.com/alerting/grafana/d1f3a9b2/view",
              "fingerprint": "c6eadffa33fcdf37",
              "silenceURL": "https://grafana.example.com/alerting/silence/new?alertmanager=grafana&matcher=alertname%3DHigh+memory+usage",
              "dashboardURL": "",
              "panelURL": "https://grafana.example.com/d/bookings?viewPanel=4",
              "values": { "B": 93.2, "C": 1 },
              "valueString": "[ var='B' labels={zone=us-1} value=93.2 ], [ var='C' labels={zone=us-1} value=1 ]"
            }
          ],
          "groupLabels": { "alertname": "High memory usage" },
          "commonLabels": { "alertname": "High memory usage", "team": "blue", "zone": "us-1" },
          "commonAnnotations": {},
          "externalURL": "https://grafana.example.com/",
          "version": "1",
          "groupKey": "{}:{alertname=\"High memory usage\"}",
          "truncatedAlerts": 0,
          "title": "[FIRING:1] High memory usage (blue us-1)",
          "state": "alerting",
          "message": "**Firing**\n\nValue: B=93.2, C=1\nLabels:\n - alertname = High memory usage\n"
        }
        """;

    public const string Generic = """
        {
          "id": "nightly-backup",
          "title": "Nightly database backup did not run",
          "status": "firing",
          "startedAt": "2026-11-30T03:00:00Z",
          "severity": "critical",
          "summary": "No backup file since 2026-11-29 03:00",
          "labels": { "area": "platform", "check": "cron" },
          "url": "https://cron.example.com/checks/nightly-backup"
        }
        """;
}
