using IncidentBot.Core.Runbook;

namespace IncidentBot.Core.Tests.Postmortem.Incidents;

/// <summary>
/// The front-end framework's build splits chunks in an order that depends on which worker finishes first, and one
/// order drops a module: the night's release ships a dashboard that renders blank. Rolling back rebuilds the previous
/// tag and hits the same problem, so the fix goes forward with a pinned framework and a single build worker. The
/// incident runs past midnight.
/// </summary>
internal static class NonDeterministicBuild
{
    public static async Task<string> Play()
    {
        var script = new IncidentScript(new DateTimeOffset(2026, 12, 1, 23, 35, 0, TimeSpan.Zero));
        await script.Run("bob", "Dashboard is a blank page after tonight's release area:web sev:2");

        await script.At("23:37");
        await script.Say("m1", "alice", "Tonight's release 2026.12.01-3 went out at 23:30");
        await script.At("23:38");
        await script.Run("alice", "ack");
        await script.At("23:40");
        await script.Say("m2", "bob", "Browser console: 'Cannot read properties of undefined' from the main bundle. The same commit built on CI yesterday works");
        await script.At("23:42");
        await script.Status("alice", "investigating: The dashboard does not load for some people. We are investigating.");
        await script.At("23:44");
        await script.Decision(RollbackEntries.Decided("yes"), "alice", "Would rolling back fix this? Yes: back to 2026.12.01-2");
        await script.At("23:52");
        await script.Decision(RollbackEntries.RestoredNo, "alice", "Did the rollback restore service? No: the rollback rebuilt 2026.12.01-2 and that bundle is broken the same way");
        await script.At("23:58");
        await script.Say("m3", "alice", "Two builds of one commit give different chunk hashes: the framework orders chunks by which build worker finishes first, and one order leaves a module out");
        await script.At("00:02");
        await script.Edit("m3", "Two builds of the same commit give different chunk hashes. The framework orders chunks by which build worker finishes first, and one order leaves a module out");
        await script.At("00:05");
        await script.Say("m4", "bob", "Fixing forward: pinning the framework to the previous minor version and building with a single worker");
        await script.At("00:20");
        await script.Status("alice", "identified: We found the cause and a fix is on its way.");
        await script.At("00:31");
        await script.Say("m5", "Deploy Bot", "web 2026.12.02-1 deployed to production");
        await script.At("00:34");
        await script.Say("m6", "alice", "Dashboard loads again; checked in Chrome, Firefox and Safari");
        await script.At("00:36");
        await script.Status("alice", "monitoring: The dashboard works again. We are monitoring.");
        await script.At("00:40");
        await script.Say("m7", "bob", "wrong incident, ignore");
        await script.Delete("m7");
        await script.Pin("m2");
        await script.Pin("m3");
        await script.Pin("m6");
        await script.At("00:45");
        await script.Run("bob", "note Filed an issue with the framework project about the build order, with two bundles from one commit attached");

        await script.At("01:12");
        await script.Run("alice", "resolve Dashboard loads for test accounts on every plan; front-end error rate back to its baseline for 45 minutes; two builds made since gave byte-identical bundles");
        await script.Explain(
            "The framework's build assigns modules to chunks in the order its workers finish, so two builds of the same commit can differ; one such order left a module out of the main bundle. Nothing checked that builds are reproducible, and a rollback rebuilds the previous tag instead of redeploying its bundle, so rolling back met the same problem.",
            "Fixed forward: release 2026.12.02-1 pinned the framework to its previous minor version and builds with a single worker.");
        await script.Run("alice", "action INC-1 Keep the built bundle of every release, so a rollback redeploys the same bytes instead of rebuilding");
        await script.Run("bob", "action INC-1 Build every release twice in CI and fail when the outputs differ");
        await script.Run("carol", "action INC-1 Lock the framework and its build tools to exact versions in the lock file");
        return await script.Draft();
    }
}
