using IncidentBot.Handoff;
using NodaTime;

namespace IncidentBot.Tests.Handoff;

internal sealed class HandoffOptionsTests
{
    [Test]
    public void The_defaults_nag_half_an_hour_ahead_every_quarter_hour_and_assume_nine_to_five_UTC()
    {
        var options = new HandoffOptions();

        Assert.That(HandoffOptions.Validate(options), Is.Empty);
        var policy = options.ToPolicy();
        Assert.That((policy.LeadTime, policy.RepeatEvery, policy.Grace), Is.EqualTo((TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30))));
        Assert.That((policy.Defaults.Start, policy.Defaults.End, policy.Defaults.Zone.Id), Is.EqualTo((new LocalTime(9, 0), new LocalTime(17, 0), "UTC")));
    }

    [Test]
    public void Bad_settings_are_named_with_their_values()
    {
        var errors = HandoffOptions.Validate(new HandoffOptions
        {
            LeadTime = TimeSpan.Zero,
            RepeatEvery = TimeSpan.FromMinutes(-1),
            DefaultHours = "9-5",
            DefaultTimeZone = "Europe/Berln",
        });

        Assert.That(errors, Is.EqualTo<string[]>([
            "Handoff:LeadTime must be more than zero, was 00:00:00.",
            "Handoff:RepeatEvery must be more than zero, was -00:01:00.",
            "Handoff:DefaultHours must be HH:mm-HH:mm, like 09:00-17:00, was '9-5'.",
            "Handoff:DefaultTimeZone must be an IANA time zone id, like Europe/Berlin, was 'Europe/Berln'.",
        ]));
        Assert.That(HandoffOptions.Validate(new HandoffOptions { DefaultHours = "09:00-09:00" }), Is.EqualTo<string[]>(
            ["Handoff:DefaultHours must not start and end at the same time, was '09:00-09:00'."]));
    }

    [Test]
    public void A_night_shift_is_a_valid_default()
    {
        var policy = new HandoffOptions { DefaultHours = "22:00-06:00", DefaultTimeZone = "Asia/Kolkata" }.ToPolicy();

        Assert.That((policy.Defaults.Hours.CrossesMidnight, policy.Defaults.Zone.Id), Is.EqualTo((true, "Asia/Kolkata")));
    }
}
