using System.Net;
using System.Net.Http.Headers;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Api;

[TestFixture(StorageProvider.Sqlite)]
internal sealed class IncidentsApiTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Token = "api-token-for-tests-0123456789";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Api:Token"] = Token };

    [Test]
    public async Task With_a_token_set_the_API_refuses_requests_without_it()
    {
        Bot.Http.DefaultRequestHeaders.Authorization = null;
        using var none = await Bot.Http.GetAsync("/api/incidents");
        Bot.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-token-0123456789");
        using var wrong = await Bot.Http.GetAsync("/api/incidents");

        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task With_the_token_the_API_lists_incidents_and_accepts_both_id_forms()
    {
        Bot.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        await Declare("Checkout down");

        using var byNumber = await Bot.Http.GetAsync("/api/incidents/1");
        using var byId = await Bot.Http.GetAsync("/api/incidents/INC-1");

        Assert.That(byNumber.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await byId.Content.ReadAsStringAsync(), Is.EqualTo(await byNumber.Content.ReadAsStringAsync()));
        Assert.That(await Bot.Incidents(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Unknown_and_malformed_ids_are_answered_404_and_400_with_a_reason()
    {
        Bot.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var unknown = await Bot.Http.GetAsync("/api/incidents/INC-99");
        using var malformed = await Bot.Http.GetAsync("/api/incidents/banana");

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("There is no incident INC-99"));
        Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await malformed.Content.ReadAsStringAsync(), Does.Contain("'banana' is not an incident id"));
    }

    [Test]
    public async Task Health_and_readiness_answer_without_a_token()
    {
        Bot.Http.DefaultRequestHeaders.Authorization = null;

        using var live = await Bot.Http.GetAsync("/healthz");
        using var ready = await Bot.Http.GetAsync("/readyz");

        Assert.That((live.StatusCode, ready.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
    }
}
