using System.Text.Json.Nodes;
using IncidentBot.Teams;

namespace IncidentBot.Tests.Teams;

internal sealed class TeamsMentionsTests
{
    [Test]
    public void The_bots_mention_is_stripped_using_its_entity()
    {
        Assert.That(TeamsMentions.Translate(TeamsSamples.Activity(TeamsSamples.ChannelReply)), Is.EqualTo("reply to thread"));
    }

    [Test]
    public void Other_peoples_mentions_become_handles_the_grammar_reads()
    {
        var activity = With("<at>ridotest</at> owner <at>Bob Smith</at>\u00a0please", ("29:bob", "Bob Smith", "<at>Bob Smith</at>"));

        Assert.That(TeamsMentions.Translate(activity), Is.EqualTo("owner <@29:bob> please"));
    }

    [Test]
    public void Stripping_ignores_case_and_falls_back_to_the_name_without_entity_text()
    {
        var activity = With("<AT>RIDOTEST</AT> help", ("28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", "ridotest", null));

        Assert.That(TeamsMentions.Translate(activity), Is.EqualTo("help"));
    }

    [Test]
    public void Text_that_only_looks_like_a_mention_stays_text()
    {
        var activity = With("<at>ridotest</at> outage <at>Nobody</at> is down");

        Assert.That(TeamsMentions.Translate(activity), Is.EqualTo("outage <at>Nobody</at> is down"));
        Assert.That(TeamsMentions.MentionsBot(activity), Is.True);
    }

    private static TeamsActivity With(string text, params (string Id, string Name, string? Text)[] others) =>
        TeamsSamples.Changed(TeamsSamples.ChannelReply, a =>
        {
            a["text"] = text;
            var entities = a["entities"]!.AsArray();
            foreach (var (id, name, shown) in others)
            {
                entities.Add(new JsonObject { ["type"] = "mention", ["text"] = shown, ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name } });
            }
        });
}
