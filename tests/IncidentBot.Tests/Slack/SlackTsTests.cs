using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

internal sealed class SlackTsTests
{
    [Test]
    public void A_ts_is_unix_seconds_and_microseconds()
    {
        var expected = new DateTimeOffset(2024, 9, 12, 9, 35, 0, TimeSpan.Zero).AddTicks(887_259 * TimeSpan.TicksPerMicrosecond);

        Assert.That(SlackTs.ToTime("1726133700.887259"), Is.EqualTo(expected));
    }

    [TestCase("1726133700", 0)]
    [TestCase("1726133700.5", 500_000)]
    [TestCase("1610241741.000200", 200)]
    public void Short_fractions_are_read_as_decimals(string ts, int microseconds)
    {
        var whole = DateTimeOffset.FromUnixTimeSeconds(long.Parse(ts.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(SlackTs.ToTime(ts), Is.EqualTo(whole.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("abc")]
    [TestCase("-1.5")]
    [TestCase("1.2.3")]
    [TestCase("1.1234567")]
    [TestCase("1. 5")]
    [TestCase("999999999999999.0")]
    public void Anything_else_is_not_a_ts(string? ts)
    {
        Assert.That(SlackTs.TryParse(ts, out _), Is.False);
    }

    [Test]
    public void ToTime_rejects_a_bad_ts_with_a_format_error()
    {
        Assert.That(() => SlackTs.ToTime("yesterday"), Throws.TypeOf<FormatException>());
    }
}
