using System.Text.Json;
using IncidentBot.Core.Chat;
using IncidentBot.Slack;

namespace IncidentBot.Tests.Slack;

/// <summary>Core forms as Slack modals within Slack's limits, and their answers read back whatever kind of input gave them.</summary>
internal sealed class SlackModalsTests
{
    [Test]
    public void A_choice_keeps_to_100_options_of_75_characters()
    {
        var options = Enumerable.Range(1, 150).Select(n => (n.ToString(System.Globalization.CultureInfo.InvariantCulture), $"INC-{n} " + new string('x', 200))).ToList();
        var form = new ChatForm("timeline-add", "Add to timeline", "Add", "{}", [new("incident", "Incident", Required: true, Options: options)]);

        var element = SlackModals.Render(form)["blocks"]![0]!["element"]!;

        Assert.That(element["options"]!.AsArray(), Has.Count.EqualTo(100));
        Assert.That(element["options"]!.AsArray().Select(o => o!["text"]!["text"]!.GetValue<string>().Length), Has.All.LessThanOrEqualTo(75));
    }

    [Test]
    public void A_channel_field_is_a_conversation_picker_and_its_answer_is_the_channel_id()
    {
        var form = new ChatForm("declare", "Declare an outage", "Declare", "", [new("channel", "Channel", Required: true, Channel: true)]);

        Assert.That(SlackModals.Render(form)["blocks"]![0]!["element"]!["type"]!.GetValue<string>(), Is.EqualTo("conversations_select"));
        var submission = JsonElement.Parse("""
            {"type":"view_submission","view":{"callback_id":"declare","private_metadata":"","state":{"values":{
              "channel":{"value":{"type":"conversations_select","selected_conversation":"C0INC"}}}}}}
            """);
        Assert.That(SlackModals.ReadSubmission(submission)!.Value.Values["channel"], Is.EqualTo("C0INC"));
    }
}
