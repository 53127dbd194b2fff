using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

internal sealed class SlackTextTests
{
    [TestCase("<@U123|alice> please look", "<@U123> please look")]
    [TestCase("ping <@W0ABC123>", "ping <@W0ABC123>")]
    [TestCase("<!channel> db down", "@channel db down")]
    [TestCase("<!here|here> and <!everyone>", "@here and @everyone")]
    [TestCase("page <!subteam^S123|@oncall>", "page @oncall")]
    [TestCase("page <!subteam^S123>", "page @S123")]
    [TestCase("see <#C123|general>", "see #general")]
    [TestCase("see <#C123|>", "see #C123")]
    [TestCase("see <#C123>", "see #C123")]
    [TestCase("<https://status.example.com|status page>", "status page (https://status.example.com)")]
    [TestCase("<https://status.example.com>", "https://status.example.com")]
    [TestCase("<https://status.example.com|https://status.example.com>", "https://status.example.com")]
    [TestCase("<http://example.com|example.com>", "example.com")]
    [TestCase("<mailto:a@b.io|a@b.io>", "a@b.io")]
    [TestCase("<mailto:a@b.io>", "a@b.io")]
    [TestCase("<https://x.io/?a=1&amp;b=2|q&amp;a>", "q&a (https://x.io/?a=1&b=2)")]
    [TestCase("<!date^1392734382^{date}|Feb 18, 2014>", "Feb 18, 2014")]
    [TestCase("a &amp; b &lt;c&gt;", "a & b <c>")]
    [TestCase("&amp;lt;", "&lt;")]
    [TestCase("&amp;amp;", "&amp;")]
    [TestCase("&lt;!channel&gt;", "<!channel>")]
    [TestCase("", "")]
    public void Decode_turns_slack_markup_into_plain_text(string slack, string plain)
    {
        Assert.That(SlackText.Decode(slack), Is.EqualTo(plain));
    }

    [TestCase("a & b", "a &amp; b")]
    [TestCase("x < y > z", "x &lt; y &gt; z")]
    [TestCase("&lt;", "&amp;lt;")]
    [TestCase("<!channel> & co", "&lt;!channel&gt; &amp; co")]
    [TestCase("<!here>", "&lt;!here&gt;")]
    [TestCase("<#C123>", "&lt;#C123&gt;")]
    [TestCase("<https://evil.example|click>", "&lt;https://evil.example|click&gt;")]
    [TestCase("owner <@U123>", "owner <@U123>")]
    [TestCase("owner <@W0ABC123> & <@U9>", "owner <@W0ABC123> &amp; &lt;@U9&gt;")]
    [TestCase("<@u123>", "&lt;@u123&gt;")]
    public void Escape_makes_plain_text_safe_to_post(string plain, string slack)
    {
        Assert.That(SlackText.Escape(plain), Is.EqualTo(slack));
    }

    [TestCase("a &amp; b")]
    [TestCase("&lt;b&gt; not bold &amp;amp; more")]
    [TestCase("<@U123> please look")]
    [TestCase("plain words only")]
    public void Decoding_and_escaping_canonical_slack_text_round_trips(string slack)
    {
        Assert.That(SlackText.Escape(SlackText.Decode(slack)), Is.EqualTo(slack));
    }

    [TestCase("a & b")]
    [TestCase("<!channel> & co")]
    [TestCase("&amp; literally")]
    [TestCase("<@U123> & <b>")]
    public void Escaping_and_decoding_plain_text_round_trips(string plain)
    {
        Assert.That(SlackText.Decode(SlackText.Escape(plain)), Is.EqualTo(plain));
    }

    [Test]
    public void A_broadcast_typed_as_text_stays_harmless_after_escaping()
    {
        var stored = SlackText.Decode("&lt;!channel&gt; is down");

        Assert.That(SlackText.Escape(stored), Is.EqualTo("&lt;!channel&gt; is down"));
    }

    [Test]
    public void Decoding_then_escaping_an_ampersand_never_doubles_it()
    {
        var posted = SlackText.Escape(SlackText.Decode(SlackText.Escape("a & b")));

        Assert.That(posted, Is.EqualTo("a &amp; b").And.Not.Contains("&amp;amp;"));
    }

    [Test]
    public void A_mention_with_a_name_is_posted_as_a_mention_by_id()
    {
        Assert.That(SlackText.Escape(SlackText.Decode("owner <@U123|bob>")), Is.EqualTo("owner <@U123>"));
    }
}
