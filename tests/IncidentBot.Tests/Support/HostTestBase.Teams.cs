using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;
using IncidentBot.Teams;

namespace IncidentBot.Tests.Support;

/// <summary>Talking to the bot as the Bot Connector does: activities on <c>/api/messages</c> with a token of <see cref="Authority"/>.</summary>
internal abstract partial class HostTestBase
{
    /// <summary>Activities from the team the bot is installed in, carrying the <see cref="Connector"/>'s serviceUrl.</summary>
    protected TeamsActivities Activities { get; private set; } = null!;

    /// <summary>POSTs the activity to /api/messages with a Connector token for its serviceUrl (or the given header).</summary>
    protected async Task<HttpResponseMessage> Post(JsonObject activity, string? authorization = "valid")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TeamsEndpoint.Path)
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization == "valid"
                ? "Bearer " + Authority.Token(activity["serviceUrl"]!.GetValue<string>(), Bot.Clock.GetUtcNow())
                : authorization);
        }

        return await Bot.Http.SendAsync(request);
    }

    /// <summary>How many Teams activities the bot has stored in its inbox.</summary>
    protected async Task<long> StoredActivities()
    {
        await using var database = Database.Connect();
        await using var connection = await database.Open(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE platform = 'teams'");
    }

    /// <summary>Declares in the Teams channel and waits until the reply chain is open; returns its conversation id.</summary>
    protected async Task<string> DeclareOnTeams(string text, string id = "1000")
    {
        using var response = await Post(Activities.ChannelCommand(id, "outage " + text));
        Assert.That(response.IsSuccessStatusCode, Is.True);
        var incident = await Eventually.Get(() => Bot.Incident(1), i => i?["thread"]?["id"] is not null, "INC-1's reply chain to open");
        return incident!["thread"]!["id"]!.GetValue<string>();
    }
}
