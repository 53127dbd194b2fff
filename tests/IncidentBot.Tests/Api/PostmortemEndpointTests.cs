using System.Net;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Api;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class PostmortemEndpointTests(StorageProvider provider) : HostTestBase(provider)
{
    private readonly string baseTs = SlackPayloads.Ts(0);

    [Test]
    public async Task A_pushpin_makes_a_reply_a_key_event_and_taking_it_off_unmarks_it()
    {
        var thread = await Declare("Logins fail area:auth sev:1");
        await Bot.Event("Ev1", SlackPayloads.Reply("C0OPS", thread, T(60), "U0BOB", "Cache nodes are back, logins still fail"));
        await Bot.Event("Ev2", SlackPayloads.Reply("C0OPS", thread, T(120), "U0ERIN", "Found it: the inner cache fails closed"));
        await TimelineWith(3);

        await Bot.Event("Ev3", SlackPayloads.Reaction(added: true, "C0OPS", T(120), "U0ALICE", T(130)));
        var pinned = await Eventually.Get(KeyEvents, k => k.Contains("Found it", StringComparison.Ordinal), "the pinned reply among the key events");

        Assert.That(pinned, Does.Not.Contain("Cache nodes are back"));

        await Bot.Event("Ev4", SlackPayloads.Reaction(added: false, "C0OPS", T(120), "U0ALICE", T(140)));
        await Eventually.Get(KeyEvents, k => k.Contains("None marked", StringComparison.Ordinal), "the key event to be unmarked");

        await Bot.Event("Ev5", SlackPayloads.Reaction(added: true, "C0OPS", T(120), "U0ALICE", T(150)));
        await Eventually.Get(KeyEvents, k => k.Contains("Found it", StringComparison.Ordinal), "the reply pinned again");
    }

    [Test]
    public async Task Notes_and_follow_ups_from_the_slash_command_appear_in_the_draft()
    {
        await Declare("Logins fail area:auth sev:1");

        await Bot.SlashCommand("note Support counted about 2,300 people who saw the error page", user: "U0BOB");
        await Bot.SlashCommand("action INC-1 Make the token service fall back to the database", user: "U0ERIN");

        var draft = await Eventually.Get(Draft, d => d.Contains("- [ ] A-1 Make the token service", StringComparison.Ordinal), "the follow-up in the draft");
        Assert.That(draft, Does.Contain("— <@U0BOB> — Note: Support counted about 2,300 people who saw the error page"));
        Assert.That(draft, Does.Contain("- [ ] A-1 Make the token service fall back to the database (no owner, recorded by <@U0ERIN>, no due date)"));
    }

    [Test]
    public async Task The_draft_is_Markdown_and_unknown_or_malformed_ids_get_404_and_400()
    {
        await Declare("Logins fail");

        using var draft = await Bot.Http.GetAsync("/api/incidents/INC-1/postmortem");
        using var unknown = await Bot.Http.GetAsync("/api/incidents/INC-99/postmortem");
        using var malformed = await Bot.Http.GetAsync("/api/incidents/banana/postmortem");

        Assert.That(draft.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(draft.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/markdown; charset=utf-8"));
        Assert.That(await draft.Content.ReadAsStringAsync(), Does.StartWith("# Postmortem: INC-1 Logins fail\n"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("There is no incident INC-99"));
        Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private async Task<string> Draft() => await Bot.Http.GetStringAsync("/api/incidents/1/postmortem");

    private async Task<string> KeyEvents()
    {
        var draft = await Draft();
        var start = draft.IndexOf("### Key events", StringComparison.Ordinal);
        return draft[start..draft.IndexOf("### All entries", start, StringComparison.Ordinal)];
    }

    /// <summary>A ts <paramref name="seconds"/> after this test's start, the same for the same offset.</summary>
    private string T(double seconds)
    {
        var micros = (long)(decimal.Parse(baseTs, System.Globalization.CultureInfo.InvariantCulture) * 1_000_000) + (long)(seconds * 1_000_000);
        return $"{micros / 1_000_000}.{micros % 1_000_000:D6}";
    }
}
