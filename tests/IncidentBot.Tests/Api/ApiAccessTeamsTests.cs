using System.Net;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Api;

/// <summary><c>/api/messages</c> lives under <c>/api</c> but has its own authentication: a closed API does not close Teams.</summary>
[TestFixture(StorageProvider.Sqlite)]
internal sealed class ApiAccessTeamsTests(StorageProvider provider) : HostTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Api:Token"] = "" };

    [Test]
    public async Task Without_Api_Token_Teams_activities_are_still_accepted_while_the_API_is_closed()
    {
        using var activity = await Post(Activities.ChannelCommand("1", "outage Checkout is down"));
        using var api = await Bot.Http.GetAsync("/api/incidents");

        Assert.That(activity.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StoredActivities(), Is.EqualTo(1));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
