using IncidentBot.Core.Chat;
using IncidentBot.Teams;

namespace IncidentBot.Tests.Teams;

internal sealed class TeamsCardsTests
{
    private static readonly Func<string, string> Names = id => id == "29:alice" ? "Alice" : "Teams user";

    [Test]
    public void A_title_cannot_format_link_or_mention()
    {
        var text = TeamsText.Escape("**down** [click](https://evil) <at>Everyone</at> a_b");

        Assert.That(text, Is.EqualTo(@"\*\*down\*\* [click]\(https://evil) \<at\>Everyone\</at\> a\_b"));
    }

    [Test]
    public void Lists_and_headings_at_the_start_of_a_line_stay_text()
    {
        Assert.That(TeamsText.Escape("- one\n1. two\n# three"), Is.EqualTo("\\- one\n1\\. two\n\\# three"));
    }

    [Test]
    public void Handles_become_mentions_with_one_entity_per_person()
    {
        var card = TeamsCards.Render(new ChatMessage("k", "Paging <@29:alice> and <@29:alice>", Fields: [new("Owner", "<@29:alice>")]), Names);

        var content = card["attachments"]![0]!["content"]!;
        Assert.That(content["body"]![0]!["text"]!.GetValue<string>(), Is.EqualTo("Paging <at>Alice</at> and <at>Alice</at>"));
        Assert.That(content["msteams"]!["entities"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(content["body"]![1]!["facts"]![0]!["value"]!.GetValue<string>(), Is.EqualTo("<at>Alice</at>"));
    }

    [Test]
    public void Buttons_are_Action_Execute_with_an_Action_Submit_fallback_carrying_the_same_data()
    {
        var card = TeamsCards.Render(new ChatMessage("k", "Paged", Buttons: [new ChatButton("ack", "Acknowledge", "7", Primary: true)]), Names);

        var action = card["attachments"]![0]!["content"]!["actions"]![0]!;
        Assert.That(action["type"]!.GetValue<string>(), Is.EqualTo("Action.Execute"));
        Assert.That(action["data"]!.ToJsonString(), Is.EqualTo("""{"action":"ack","value":"7"}"""));
        Assert.That(action["fallback"]!["data"]!.ToJsonString(), Is.EqualTo("""{"action":"ack","value":"7"}"""));
        Assert.That(card["attachments"]![0]!["content"]!["version"]!.GetValue<string>(), Is.EqualTo("1.5"));
    }
}
