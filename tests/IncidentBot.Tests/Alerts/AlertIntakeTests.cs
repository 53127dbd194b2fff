using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using IncidentBot.Persistence;
using IncidentBot.Hosting;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Alerts;

/// <summary>Alerts end to end: the intake endpoint, the inbox, the core and the fake Slack.</summary>
[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class AlertIntakeTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string AlertmanagerToken = "alertmanager-token-0123456789";
    private const string GenericSecret = "generic-secret-0123456789abcdef";

    // No working hours: always reachable, so the test does not depend on when it runs.
    private const string Registry = """
        people:
          - { id: alice, name: Alice, slack: U0ALICE }
          - { id: carol, name: Carol, slack: U0CAROL }
        areas:
          - { key: payments, name: Payments, keywords: [checkout], primary: [alice] }
          - { key: platform, name: Platform, keywords: [backup], primary: [alice] }
        deciders: [carol]
        prod_access: []
        """;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
        {
            ["Registry:Path"] = RegistryFile(Registry),
            ["Slack:IncidentChannel"] = "C0INCIDENTS",
            ["Alerts:Sources:alertmanager:Token"] = AlertmanagerToken,
            ["Alerts:Sources:generic:Secret"] = GenericSecret,
        };

    [Test]
    public async Task An_Alertmanager_burst_makes_one_incident_one_thread_one_page_and_the_detect_time_in_the_figures()
    {
        var startsAt = Bot.Clock.GetUtcNow().AddMinutes(-17).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

        // A storm: 100 notifications for one group within a second, each a different instance of the alert.
        var storm = Enumerable.Range(0, 100).Select(i => PostAlertmanager(AlertSamples.Alertmanager(fingerprint: $"fp-{i:000}", startsAt: startsAt))).ToList();
        var answers = await Task.WhenAll(storm);
        Assert.That(answers.Select(a => a.StatusCode).Distinct(), Is.EqualTo<HttpStatusCode[]>([HttpStatusCode.Accepted]));
        using var repeated = await PostAlertmanager(AlertSamples.Alertmanager(fingerprint: "fp-000", startsAt: startsAt));
        Assert.That(await repeated.Content.ReadAsStringAsync(), Does.Contain("\"duplicate\":true"));
        using var resolved = await PostAlertmanager(AlertSamples.Alertmanager("resolved", "fp-000", startsAt));

        var incident = await Eventually.Get(() => Bot.Incident(1), i => i is not null && Timelines.Count(i, "alert") == 101, "100 firing and 1 resolved alert entries");
        Assert.That(await Bot.Incidents(), Has.Count.EqualTo(1));
        Assert.That((incident!["declaredBy"]!.GetValue<string>(), incident["area"]!.GetValue<string>(), incident["status"]!.GetValue<string>()), Is.EqualTo(("alert CheckoutErrorRate", "payments", "investigating")));
        var roots = Slack.CallsTo("chat.postMessage").Where(c => c.Channel == "C0INCIDENTS" && c.ThreadTs is null).ToList();
        Assert.That(roots, Has.Count.EqualTo(1));
        Assert.That(roots[0].Json, Does.Contain("[Outage]: CheckoutErrorRate: Checkout returns 5xx for more than 5% of requests"));
        await Eventually.Get(() => Slack.CallsTo("chat.postMessage").Where(c => c.Text?.Contains("The alert resolved; INC-1 stays open", StringComparison.Ordinal) == true).ToList(), c => c.Count == 1, "the resolved alert said in the thread");
        Assert.That(Slack.CallsTo("chat.postMessage").Count(c => c.Channel == "DU0ALICE"), Is.EqualTo(1), "Alice is paged once");

        using var postmortem = await Bot.Http.GetAsync("/api/incidents/1/postmortem");
        Assert.That(await postmortem.Content.ReadAsStringAsync(), Does.Match(@"\| Time to detect \| 1[78] min \|"));
    }

    [Test]
    public async Task A_signed_generic_alert_opens_an_incident_and_a_bad_signature_stores_nothing()
    {
        var body = AlertSamples.Generic.Replace("2026-11-30T03:00:00Z", Bot.Clock.GetUtcNow().AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var forged = await PostGeneric(body, "another-secret-0123456789abcdef");
        using var signed = await PostGeneric(body, GenericSecret);

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await forged.Content.ReadAsStringAsync(), Does.Contain("X-IncidentBot-Signature does not match the body."));
        Assert.That(signed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var incident = await Eventually.Get(() => Bot.Incident(1), i => i is not null && Timelines.Count(i, "alert") == 1, "the generic alert's incident");
        Assert.That((incident!["title"]!.GetValue<string>(), incident["area"]!.GetValue<string>()), Is.EqualTo(("Nightly database backup did not run: No backup file since 2026-11-29 03:00", "platform")));
        Assert.That(await StoredAlerts(), Is.EqualTo(1));
    }

    [TestCase("grafana", "Bearer whatever-token-0123456789", "Alerts:Sources:grafana:Token or :Secret is not set, so this source is off.")]
    [TestCase("alertmanager", null, "Send Authorization: Bearer <the source's token>.")]
    [TestCase("alertmanager", "Bearer wrong-token-0123456789", "Send Authorization: Bearer <the source's token>.")]
    public async Task A_source_that_is_off_or_a_wrong_credential_is_401_and_nothing_is_stored(string source, string? authorization, string problem)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{source}") { Content = new StringContent(AlertSamples.Alertmanager(), Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        using var response = await Bot.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(problem));
        Assert.That(await StoredAlerts(), Is.EqualTo(0));
    }

    [Test]
    public async Task A_malformed_payload_is_400_with_the_reason_and_nothing_is_stored()
    {
        using var malformed = await PostAlertmanager("""{ "version": "4", "groupKey": "g", "alerts": [ { "status": "firing" } ] }""");
        using var unknown = await Bot.Http.PostAsync("/api/alerts/nagios", new StringContent("{}"));

        Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await malformed.Content.ReadAsStringAsync(), Does.Contain("Not a alertmanager alert payload: alerts[0].startsAt is missing"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await StoredAlerts(), Is.EqualTo(0));
        Assert.That(await Bot.Incidents(), Is.Empty);
    }

    private Task<HttpResponseMessage> PostAlertmanager(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/alertmanager") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AlertmanagerToken);
        return Bot.Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostGeneric(string body, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = Bot.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/alerts/generic") { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("X-IncidentBot-Timestamp", timestamp);
        request.Headers.Add("X-IncidentBot-Signature", SignedWebhook.Sign(secret, timestamp, bytes));
        return Bot.Http.SendAsync(request);
    }

    private async Task<long> StoredAlerts()
    {
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE platform = 'alerts'");
    }
}
