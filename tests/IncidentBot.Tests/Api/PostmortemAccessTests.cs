using System.Net;
using System.Net.Http.Headers;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Api;

/// <summary>The draft holds everything said in the thread, so it is guarded like the rest of the API.</summary>
[TestFixture(StorageProvider.Sqlite)]
internal sealed class PostmortemAccessTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Token = "api-token-for-tests-0123456789";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Api:Token"] = Token };

    [Test]
    public async Task With_a_token_set_the_draft_needs_it()
    {
        Bot.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        await Declare("Logins fail");

        Bot.Http.DefaultRequestHeaders.Authorization = null;
        using var without = await Bot.Http.GetAsync("/api/incidents/1/postmortem");
        Bot.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var with = await Bot.Http.GetAsync("/api/incidents/1/postmortem");

        Assert.That(without.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(with.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
