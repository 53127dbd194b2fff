using IncidentBot.Core.Runbook;

namespace IncidentBot.Core.Tests.Postmortem.Incidents;

/// <summary>
/// A release changes how slot times are converted to the visitor's time zone; visitors west of UTC see no free slots
/// and cannot book. The runbook's question (would a rollback fix this?) gets a yes, and the rollback restores service
/// 23 minutes after the release reached production. Root cause is left for people to write.
/// </summary>
internal static class NegativeOffsetBookings
{
    public static async Task<string> Play()
    {
        var script = new IncidentScript(new DateTimeOffset(2026, 10, 19, 21, 47, 0, TimeSpan.Zero));
        await script.Run("carol", "Bookings fail for visitors in negative UTC offsets area:bookings sev:1");

        await script.At("21:49");
        await script.Say("m1", "alice", "Support has 14 tickets in ten minutes, all from the Americas: the booking page shows no free slots and submitting a booking fails");
        await script.At("21:51");
        await script.Run("bob", "ack");
        await script.At("21:52");
        await script.Say("m2", "bob", "Release 2026.10.19-2 reached production at 21:47, the minute the synthetic booking check started failing");
        await script.At("21:53");
        await script.Status("bob", "investigating: Some people cannot book meetings. We are looking into it.");
        await script.At("21:55");
        await script.Say("m3", "carol", "Database not affected, checked the slow query log and the connection counts");
        await script.At("21:56");
        await script.Decision(RollbackEntries.Decided("yes"), "bob", "Would rolling back fix this? Yes: 2026.10.19-2 changed the slot time zone conversion, and 2026.10.19-1 has no migration to undo");
        await script.At("21:58");
        await script.Say("m4", "bob", "Rolling back to 2026.10.19-1 now");
        await script.At("22:01");
        await script.Say("m5", "Deploy Bot", "web 2026.10.19-1 deployed to production (rollback requested by bob)");
        await script.At("22:04");
        await script.Say("m6", "dan", "Can reproduce with the browser set to America/Los_Angeles: no slots before the rollback, slots back now");
        await script.At("22:05");
        await script.Say("m7", "erin", "wrong channel, sorry");
        await script.At("22:06");
        await script.Edit("m6", "Reproduced with the browser set to America/Los_Angeles:\nno slots before the rollback, slots are back now");
        await script.Delete("m7");
        await script.At("22:10");
        await script.Decision(RollbackEntries.RestoredYes, "bob", "Did the rollback restore service? Yes: bookings from UTC-3 to UTC-10 go through again");
        await script.At("22:12");
        await script.Status("bob", "monitoring: A fix is in place and we are watching bookings closely.");
        await script.Pin("m2");
        await script.Pin("m4");
        await script.Pin("m6");
        await script.Pin("m3");
        await script.Pin("m3", key: false);

        await script.At("22:20");
        await script.Run("bob", "note The change took the server's offset when converting slot times to the visitor's zone, which moved every slot west of UTC to the previous day");
        await script.At("22:25");
        await script.Run("bob", "action Add booking tests that run with the visitor in UTC-10, UTC-3 and UTC+13");
        await script.At("22:26");
        await script.Run("carol", "action Run the synthetic booking check from a negative-offset time zone after every release");
        await script.At("22:40");
        await script.Run("bob", "resolve Booked test meetings from UTC-8 and UTC-3; the synthetic booking check has passed for 30 minutes; booking errors are back to the usual rate");
        await script.At("22:45");
        await script.Run("alice", "action INC-1 Ask for a second reviewer on every change to time zone handling");
        return await script.Draft();
    }
}
