using System.Text.Json.Nodes;
using IncidentBot.Core.Chat;
using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

internal sealed class SlackMessagesTests
{
    private static string BlockText(JsonObject rendered, int block) => rendered["blocks"]![block]!["text"]!["text"]!.GetValue<string>();

    [Test]
    public void A_title_that_looks_like_a_broadcast_is_escaped_everywhere()
    {
        var message = new ChatMessage("k1", "Opened by <@U123>", "<!channel> & co", [new ChatField("Title", "<!channel> & co")]);

        var rendered = SlackMessages.Render(message);

        Assert.That(rendered["text"]!.GetValue<string>(), Is.EqualTo("&lt;!channel&gt; &amp; co\nOpened by <@U123>"));
        Assert.That(BlockText(rendered, 0), Is.EqualTo("*&lt;!channel&gt; &amp; co*"));
        Assert.That(BlockText(rendered, 1), Is.EqualTo("Opened by <@U123>"));
        Assert.That(rendered["blocks"]![2]!["fields"]![0]!["text"]!.GetValue<string>(), Is.EqualTo("*Title*\n&lt;!channel&gt; &amp; co"));
        Assert.That(rendered.ToJsonString(), Does.Not.Contain("<!channel>").And.Not.Contain("&amp;amp;"));
    }

    [Test]
    public void A_button_whose_value_is_too_long_for_an_action_id_gets_a_short_unique_one()
    {
        var command = "status INC-4 monitoring " + new string('x', 400);
        var message = new ChatMessage("k1", "Did you mean?", Buttons: [new ChatButton("suggested", "Run that", command), new ChatButton("suggested", "Other", command + "y")]);

        var elements = SlackMessages.Render(message)["blocks"]![1]!["elements"]!.AsArray();

        var ids = elements.Select(e => e!["action_id"]!.GetValue<string>()).ToList();
        Assert.That(ids, Has.All.Length.LessThanOrEqualTo(255).And.All.StartsWith("suggested:"));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(2));
        Assert.That(elements[0]!["value"]!.GetValue<string>(), Is.EqualTo(command), "the value still carries the whole command");
    }

    [Test]
    public void A_message_without_heading_or_fields_is_a_single_section()
    {
        var rendered = SlackMessages.Render(new ChatMessage("k2", "Paged <@W0ABC123>"));

        Assert.That(rendered["blocks"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(rendered["blocks"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("section"));
        Assert.That(rendered["blocks"]![0]!["text"]!["type"]!.GetValue<string>(), Is.EqualTo("mrkdwn"));
        Assert.That(BlockText(rendered, 0), Is.EqualTo("Paged <@W0ABC123>"));
        Assert.That(rendered["text"]!.GetValue<string>(), Is.EqualTo("Paged <@W0ABC123>"));
    }

    [Test]
    public void More_than_ten_fields_are_split_over_sections()
    {
        var fields = Enumerable.Range(1, 12).Select(i => new ChatField($"F{i}", $"v{i}")).ToList();

        var rendered = SlackMessages.Render(new ChatMessage("k3", "", "Status", fields));

        var blocks = rendered["blocks"]!.AsArray();
        Assert.That(blocks, Has.Count.EqualTo(3));
        Assert.That(blocks[1]!["fields"]!.AsArray(), Has.Count.EqualTo(10));
        Assert.That(blocks[2]!["fields"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(blocks[2]!["fields"]![1]!["text"]!.GetValue<string>(), Is.EqualTo("*F12*\nv12"));
    }

    [Test]
    public void Long_text_is_cut_to_the_block_limit_with_an_ellipsis()
    {
        var rendered = SlackMessages.Render(new ChatMessage("k4", new string('x', 5000), new string('h', 4000)));

        Assert.That(BlockText(rendered, 0), Has.Length.EqualTo(3000).And.EndsWith("…*"));
        Assert.That(BlockText(rendered, 1), Has.Length.EqualTo(3000).And.EndsWith("x…"));
        Assert.That(rendered["text"]!.GetValue<string>(), Has.Length.EqualTo(3000));
    }

    [Test]
    public void Cutting_never_splits_an_entity_or_a_mention()
    {
        var ampersand = SlackTruncate.Escaped(new string('a', 2998) + "&amp; more", 3000);
        var mention = SlackTruncate.Escaped(new string('a', 2995) + "<@U123> more", 3000);

        Assert.That(ampersand, Is.EqualTo(new string('a', 2998) + "…"));
        Assert.That(mention, Is.EqualTo(new string('a', 2995) + "…"));
    }

    [Test]
    public void A_message_of_fields_only_still_has_a_fallback_text()
    {
        var rendered = SlackMessages.Render(new ChatMessage("k5", "", Fields: [new ChatField("Owner", "<@U123>")]));

        Assert.That(rendered["text"]!.GetValue<string>(), Is.EqualTo("Owner: <@U123>"));
    }
}
