using IncidentBot.Core.Chat;
using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Authorization;

/// <summary>The table, row by row, for commands on every platform: who may, who is refused, and what a refusal leaves behind.</summary>
[TestFixtureSource(typeof(Team), nameof(Team.Platforms))]
public sealed class PermissionsTests(string platform)
{
    private static readonly string[] Everyday =
        ["note INC-1 Logs show timeouts", "action INC-1 Alert on gateway latency", "list", "who payments", "areas", "ooo", "back", "Site search is slow"];

    private static readonly string[] ResponderCommands =
        ["rollback INC-1 no it is a migration", "rollback INC-1 unsure", "status INC-1 identified Gateway timeouts", "owner INC-1 mo", "handoff INC-1 mo Try the old gateway", "resolve INC-1 Test order paid"];

    private CoreHarness core = null!;

    [SetUp]
    public async Task Declare() => core = await Team.WithIncident(platform);

    [TestCaseSource(nameof(Everyday))]
    public async Task Any_member_may_declare_note_list_look_up_and_be_away(string command)
    {
        await Allowed(command, "mo");
    }

    [TestCaseSource(nameof(Everyday))]
    public async Task A_guest_may_do_none_of_the_everyday_commands(string command)
    {
        await Refused(command, "gus", "Guests can reply in incident threads");
    }

    [Test]
    public async Task Whoever_was_paged_may_acknowledge_and_nobody_else([Values("paula", "mo", "gus")] string who)
    {
        await (who == "paula" ? Allowed("ack INC-1", who) : Refused("ack INC-1", who, "INC-1"));
    }

    [Test]
    public async Task Rolling_back_is_for_the_owner_the_deciders_and_production_access([Values("alice", "dana", "pete", "paula", "mo", "gus")] string who)
    {
        await (who is "alice" or "dana" or "pete" ? Allowed("rollback INC-1 yes", who) : Refused("rollback INC-1 yes", who, "production access"));
    }

    [Test]
    public async Task Running_the_incident_is_for_the_owner_the_paged_and_the_deciders(
        [ValueSource(nameof(ResponderCommands))] string command, [Values("alice", "paula", "dana", "pete", "mo", "gus")] string who)
    {
        await (who is "alice" or "paula" or "dana" ? Allowed(command, who) : Refused(command, who, "the people paged for INC-1"));
    }

    [Test]
    public async Task The_postmortem_is_for_members_of_the_incident_channel_and_the_deciders([Values("mo", "dana", "pete", "gus")] string who)
    {
        core.Directory.ChannelMembers["C-ops"] = [Team.Handle(platform, "alice"), Team.Handle(platform, "mo"), Team.Handle(platform, "gus")];

        await (who is "mo" or "dana" ? Allowed("postmortem INC-1", who) : Refused("postmortem INC-1", who, "channel"));
    }

    [Test]
    public async Task A_refusal_names_who_may()
    {
        await core.Run("resolve INC-1 looks fine", Context("mo"));

        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Only the owner of INC-1 (Alice), the people paged for INC-1 or the deciders (Dana) may resolve it."));
    }

    [Test]
    public async Task Someone_the_platform_cannot_vouch_for_is_refused_and_asked_to_try_again()
    {
        core.Directory.Unreachable.Add(Team.Handle(platform, "mo"));

        await Refused("note INC-1 hello", "mo", "Try again in a moment");
    }

    private CommandContext Context(string who) => core.Context(user: Team.Handle(platform, who));

    private async Task Allowed(string command, string who)
    {
        await core.Run(command, Context(who));

        Assert.That(core.Refusals.Entries, Is.Empty, $"{who}: {command}");
        Assert.That(core.Answers[^1].Message.Text, Does.Not.StartWith("Only").And.Not.StartWith("Guests"));
    }

    /// <summary>A refusal answers the asker alone, with <paramref name="naming"/> in it, and changes and sends nothing.</summary>
    private async Task Refused(string command, string who, string naming)
    {
        var before = (Timeline: (await core.Timeline()).Count, Messages: core.Chat.Messages.Count, Incident: await core.Store.Find(1, CancellationToken.None), Reminders: core.Reminders.Scheduled.Count);

        await core.Run(command, Context(who));

        var added = core.Chat.Messages.Skip(before.Messages).ToList();
        Assert.That(added.Select(m => (m.Private, m.Channel)), Is.EqualTo<(bool, string)[]>([(true, "C-ops")]), "one private answer, nothing else sent");
        Assert.That(added[0].Message.Text, Does.Contain(naming));
        Assert.That((await core.Timeline()).Count, Is.EqualTo(before.Timeline), "nothing on the timeline");
        Assert.That(await core.Store.Find(1, CancellationToken.None), Is.EqualTo(before.Incident), "the incident is unchanged");
        Assert.That(await core.Store.List(openOnly: false, CancellationToken.None), Has.Count.EqualTo(1), "no incident declared");
        Assert.That(core.Reminders.Scheduled.Count, Is.EqualTo(before.Reminders));
        Assert.That(core.Refusals.Entries.Select(r => r.User), Is.EqualTo<string[]>([Team.Handle(platform, who)]), "the refusal is logged");
    }
}
