using System.Text;
using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

internal sealed class SlackSignatureTests
{
    // Slack's documented example ("Verifying requests from Slack").
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static byte[] Body => SamplePayloads.Bytes("slack-slash-command.signing-vector.form-body.txt");

    [Test]
    public void The_documented_test_vector_is_valid()
    {
        Assert.That(SlackSignature.Verify(Secret, Timestamp, Expected, Body, SentAt), Is.EqualTo(SignatureCheck.Valid));
    }

    [Test]
    public void Sign_produces_the_documented_signature()
    {
        Assert.That(SlackSignature.Sign(Secret, Timestamp, Body), Is.EqualTo(Expected));
    }

    [Test]
    public void A_tampered_body_is_a_mismatch()
    {
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("roadrunner", "coyote", StringComparison.Ordinal));

        Assert.That(SlackSignature.Verify(Secret, Timestamp, Expected, tampered, SentAt), Is.EqualTo(SignatureCheck.Mismatch));
    }

    [TestCase("V0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", TestName = "another version prefix")]
    [TestCase("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503", TestName = "upper-case hex")]
    [TestCase("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5", TestName = "one byte short")]
    [TestCase("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50300", TestName = "one byte long")]
    [TestCase("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5zz", TestName = "not hex")]
    [TestCase("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", TestName = "no prefix")]
    public void Only_the_exact_form_Slack_sends_can_match(string signature)
    {
        Assert.That(SlackSignature.Verify(Secret, Timestamp, signature, Body, SentAt), Is.EqualTo(SignatureCheck.Mismatch));
    }

    [Test]
    public void A_wrong_secret_is_a_mismatch()
    {
        Assert.That(SlackSignature.Verify("8f742231b10e8888abcd99yyyzzz85a6", Timestamp, Expected, Body, SentAt), Is.EqualTo(SignatureCheck.Mismatch));
    }

    [TestCase("v0=abc")]
    [TestCase("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [TestCase("V0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    public void A_malformed_signature_is_a_mismatch(string signature)
    {
        Assert.That(SlackSignature.Verify(Secret, Timestamp, signature, Body, SentAt), Is.EqualTo(SignatureCheck.Mismatch));
    }

    [TestCase(-301)]
    [TestCase(301)]
    public void A_timestamp_more_than_five_minutes_away_is_stale(int secondsFromNow)
    {
        var now = SentAt.AddSeconds(-secondsFromNow);

        Assert.That(SlackSignature.Verify(Secret, Timestamp, Expected, Body, now), Is.EqualTo(SignatureCheck.Stale));
    }

    [TestCase(-300)]
    [TestCase(300)]
    public void A_timestamp_exactly_five_minutes_away_is_accepted(int secondsFromNow)
    {
        var now = SentAt.AddSeconds(-secondsFromNow);

        Assert.That(SlackSignature.Verify(Secret, Timestamp, Expected, Body, now), Is.EqualTo(SignatureCheck.Valid));
    }

    [TestCase(null, Expected)]
    [TestCase("", Expected)]
    [TestCase("soon", Expected)]
    [TestCase("-1531420618", Expected)]
    [TestCase("99999999999999999999", Expected)]
    [TestCase(Timestamp, null)]
    [TestCase(Timestamp, "")]
    public void A_missing_or_non_numeric_header_is_missing(string? timestamp, string? signature)
    {
        Assert.That(SlackSignature.Verify(Secret, timestamp, signature, Body, SentAt), Is.EqualTo(SignatureCheck.Missing));
    }

    [Test]
    public void A_timestamp_beyond_the_calendar_is_stale_not_an_exception()
    {
        Assert.That(SlackSignature.Verify(Secret, "999999999999999", Expected, Body, SentAt), Is.EqualTo(SignatureCheck.Stale));
    }

    [Test]
    public void An_empty_secret_is_a_configuration_error()
    {
        Assert.That(() => SlackSignature.Verify("", Timestamp, Expected, Body, SentAt), Throws.ArgumentException);
    }
}
