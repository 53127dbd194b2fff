using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Incidents;

public sealed class IncidentIdTests
{
    [TestCase("INC-42", 42)]
    [TestCase("inc-7", 7)]
    [TestCase("42", 42)]
    public void Ids_are_read_with_or_without_the_prefix(string text, long expected)
    {
        Assert.That(IncidentId.TryParse(text, out var number), Is.True);
        Assert.That(number, Is.EqualTo(expected));
    }

    [TestCase("INC-")]
    [TestCase("INC-0")]
    [TestCase("-3")]
    [TestCase("4x")]
    [TestCase("99999999999999999999")]
    [TestCase("")]
    public void Other_words_are_not_ids(string text) =>
        Assert.That(IncidentId.TryParse(text, out _), Is.False);

    [Test]
    public void Ids_are_formatted_with_the_prefix() =>
        Assert.That(IncidentId.Format(12), Is.EqualTo("INC-12"));
}
