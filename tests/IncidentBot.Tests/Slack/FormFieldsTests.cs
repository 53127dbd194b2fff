using System.Text;
using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

internal sealed class FormFieldsTests
{
    [TestCase("text=a+b", "a b", TestName = "A plus is a space")]
    [TestCase("text=1%2B1", "1+1", TestName = "An encoded plus is a plus")]
    [TestCase("text=%E2%9C%85+done", "✅ done", TestName = "Percent-encoded UTF-8 is one character")]
    [TestCase("text=caf\u00e9", "café", TestName = "Raw UTF-8 is read as UTF-8")]
    [TestCase("text=100%", "100%", TestName = "A percent sign at the end stays")]
    [TestCase("text=%zz%4", "%zz%4", TestName = "A percent sign without two hex digits stays")]
    [TestCase("text=%3c%3E", "<>", TestName = "Hex digits in either case")]
    [TestCase("text=%FF", "\uFFFD", TestName = "A byte that is not UTF-8 becomes the replacement character")]
    [TestCase("text=a=b", "a=b", TestName = "Only the first equals sign splits")]
    public void A_value_is_decoded_as_browsers_and_Slack_encode_it(string body, string text)
    {
        Assert.That(FormFields.Parse(Encoding.UTF8.GetBytes(body))["text"], Is.EqualTo(text));
    }

    [Test]
    public void Empty_pairs_are_skipped_a_bare_name_is_empty_and_the_first_of_a_repeated_name_wins()
    {
        var fields = FormFields.Parse("&&user_id=U1&&ssl_check&user_id=U2&"u8);

        Assert.That(fields, Is.EqualTo(new Dictionary<string, string> { ["user_id"] = "U1", ["ssl_check"] = "" }));
    }

    [Test]
    public void A_value_longer_than_the_stack_buffer_is_decoded_whole()
    {
        var words = string.Join(" ", Enumerable.Range(0, 400).Select(i => $"w{i}"));
        var body = "text=" + Uri.EscapeDataString(words).Replace("%20", "+", StringComparison.Ordinal);

        Assert.That(FormFields.Parse(Encoding.UTF8.GetBytes(body))["text"], Is.EqualTo(words));
    }
}
