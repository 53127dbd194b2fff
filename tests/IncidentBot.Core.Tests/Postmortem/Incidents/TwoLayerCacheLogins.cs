using IncidentBot.Core.Runbook;

namespace IncidentBot.Core.Tests.Postmortem.Incidents;

/// <summary>
/// Patching takes the whole session cache cluster down at once. The cluster comes back, but sign-in stays down: the
/// token service has a second, in-process cache nobody tested against a cache outage, and it fails closed. Nothing
/// was released, so rolling back is no answer. The primary owner misses the page and it escalates.
/// </summary>
internal static class TwoLayerCacheLogins
{
    public static async Task<string> Play()
    {
        var script = new IncidentScript(new DateTimeOffset(2026, 11, 3, 14, 5, 0, TimeSpan.Zero));
        await script.Run("alice", "Sign-in returns 503 for everyone area:auth sev:1");

        await script.At("14:06");
        await script.Say("m1", "Alerting", "CRITICAL session-cache us-east: 0 of 3 nodes healthy");
        await script.At("14:07");
        await script.Say("m2", "alice", "All three cache nodes went down during the scheduled OS patching; restarting them");
        await script.At("14:09");
        await script.Status("alice", "investigating: Signing in fails for many people. We are investigating.");
        await script.At("14:10");
        await script.At("14:11");
        await script.Run("alice", "ack");
        await script.At("14:12");
        await script.Decision(RollbackEntries.Decided("no"), "alice", "Would rolling back fix this? No: nothing was released today, the cache cluster went down under us");
        await script.At("14:16");
        await script.Say("m3", "dan", "Cache nodes are back and healthy, but logins still fail");
        await script.At("14:21");
        await script.Say("m4", "erin", "Found it: the token service keeps its own in-process cache in front of the shared one. When the shared cache stops answering it refuses every token instead of reading the database. That layer has no tests and is not in the architecture doc");
        await script.At("14:22");
        await script.Status("erin", "identified: We know why sign-in fails and are applying a fix.");
        await script.At("14:23");
        await script.Edit("m4", "Found it: the token service keeps its own in-process cache in front of the shared one. When the shared cache stops answering, it refuses every token instead of reading the database. That layer has no tests and is not in the architecture doc");
        await script.At("14:30");
        await script.Say("m5", "erin", "Restarting the token service pods so the inner layer is rebuilt from the shared cache");
        await script.At("14:34");
        await script.Say("m6", "alice", "Logins work again in us-east and eu-west");
        await script.At("14:35");
        await script.Status("alice", "monitoring: Signing in works again. We are keeping an eye on it.");
        await script.At("14:37");
        await script.Say("m7", "dan", "test");
        await script.Delete("m7");
        await script.Pin("m3");
        await script.Pin("m4");
        await script.Pin("m6");

        await script.At("14:40");
        await script.Run("alice", "note Support counted about 2,300 people who saw the sign-in error page");
        await script.Run("dan", "started INC-1 13:58");
        await script.At("14:50");
        await script.Run("erin", "resolve Signed in with three test accounts in each region; login success rate at 99.8% for 15 minutes, as before the outage; no 503 from the token service since 14:33");
        await script.Explain(
            "Scheduled OS patching restarted all three nodes of the session cache at once. The token service keeps a second, in-process cache in front of the shared one that had never been tested against a cache outage: when the shared cache stopped answering, that layer refused every token (it failed closed) instead of falling back to the database, and it kept refusing after the cluster came back.",
            "Restarting the token service rebuilt its in-process cache from the shared one; sign-in recovered at 14:33.");
        await script.At("14:55");
        await script.Run("erin", "action INC-1 @erin due:2026-11-20 Make the token service fall back to the database when the shared cache does not answer, and test that path");
        await script.Run("alice", "action INC-1 @dan due:2026-11-10 Patch cache nodes one at a time, never the whole cluster at once");
        await script.Run("dan", "action INC-1 List every cache layer in the architecture doc and add a cache outage to the quarterly game day");
        await script.At("15:30");
        await script.Run("dan", "done A-2");
        return await script.Draft();
    }
}
