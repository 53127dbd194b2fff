using System.Text.Json;
using IncidentBot.Core.Chat;
using IncidentBot.Slack;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Slack;

/// <summary>Time zones from Slack profiles for owners the registry has none for, and the new-owner picker of the handoff form.</summary>
internal sealed class SlackTimeZonesTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private (SlackTimeZones Zones, StubHandler Handler) Zones(string answer)
    {
        var handler = new StubHandler(_ => StubHandler.Json(answer));
        var http = new HttpClient(handler) { BaseAddress = new Uri("https://slack.test/api/") };
        return (new SlackTimeZones(new SlackUsers(new SlackApiClient(http), clock)), handler);
    }

    [Test]
    public async Task The_profile_is_asked_once_every_ten_minutes_per_person()
    {
        var (zones, handler) = Zones("""{"ok":true,"user":{"id":"U0BOB","tz":"America/New_York","tz_offset":-18000}}""");

        Assert.That((await zones.ZoneOf("<@U0BOB>", CancellationToken.None))?.Id, Is.EqualTo("America/New_York"));
        clock.Advance(TimeSpan.FromMinutes(9));
        await zones.ZoneOf("<@U0BOB>", CancellationToken.None);
        Assert.That(handler.Sent, Has.Count.EqualTo(1));
        Assert.That(handler.Sent[0].Url.AbsolutePath, Is.EqualTo("/api/users.info"));
        Assert.That(handler.Sent[0].Body, Is.EqualTo("user=U0BOB"), "users.info is a read method: Slack takes its arguments as a form");

        clock.Advance(TimeSpan.FromMinutes(2));
        await zones.ZoneOf("<@U0BOB>", CancellationToken.None);
        Assert.That(handler.Sent, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task No_zone_an_unknown_zone_a_failed_call_or_a_non_Slack_handle_give_nothing()
    {
        Assert.That(await Zones("""{"ok":true,"user":{"id":"U0BOB"}}""").Zones.ZoneOf("<@U0BOB>", CancellationToken.None), Is.Null);
        Assert.That(await Zones("""{"ok":true,"user":{"id":"U0BOB","tz":"Mars/Olympus"}}""").Zones.ZoneOf("<@U0BOB>", CancellationToken.None), Is.Null);
        Assert.That(await Zones("""{"ok":false,"error":"missing_scope"}""").Zones.ZoneOf("<@U0BOB>", CancellationToken.None), Is.Null);
        var (zones, handler) = Zones("""{"ok":true}""");
        Assert.That(await zones.ZoneOf("bob", CancellationToken.None), Is.Null);
        Assert.That(handler.Sent, Is.Empty);
    }

    [Test]
    public void A_person_field_is_a_user_picker_and_comes_back_as_a_mention()
    {
        var form = new ChatForm("handoff-form", "Hand off INC-1", "Hand off", "1", [new("new_owner", "New owner", Required: true, Person: true)]);

        Assert.That(SlackModals.Render(form)["blocks"]![0]!["element"]!["type"]!.GetValue<string>(), Is.EqualTo("users_select"));
        var payload = JsonDocument.Parse("""
            {"type":"view_submission","view":{"callback_id":"handoff-form","private_metadata":"1",
             "state":{"values":{"new_owner":{"value":{"type":"users_select","selected_user":"U0BOB"}}}}}}
            """).RootElement;
        Assert.That(SlackModals.ReadSubmission(payload)!.Value.Values["new_owner"], Is.EqualTo("<@U0BOB>"));
    }
}
