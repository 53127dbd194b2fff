using IncidentBot.Core.Runbook;

namespace IncidentBot.Core.Tests.Postmortem.Incidents;

/// <summary>
/// Card payments fail in one region only. A timeout was changed by hand there while debugging days earlier and never
/// written back to the repository; the pipeline does not own that file, so nothing undid it. There is no release to
/// roll back. The thread goes quiet while people watch, and the bot nudges. Root cause is left for people to write.
/// </summary>
internal static class RegionConfigDrift
{
    public static async Task<string> Play()
    {
        var script = new IncidentScript(new DateTimeOffset(2026, 11, 12, 8, 20, 0, TimeSpan.Zero));
        await script.Run("carol", "Checkout errors in eu-west only area:platform sev:2");

        await script.At("08:22");
        await script.Run("dan", "ack");
        await script.At("08:24");
        await script.Say("m1", "dan", "us-east is clean; eu-west has 12% 502 from the payment gateway proxy");
        await script.At("08:26");
        await script.Decision(RollbackEntries.Decided("unsure"), "dan", "Would rolling back fix this? Not sure: nothing was released since yesterday, so there is nothing obvious to roll back");
        await script.At("08:27");
        await script.Edit("m1", "us-east is clean; eu-west has 12% 502 (Bad Gateway) from the payment gateway proxy");
        await script.At("08:31");
        await script.Status("carol", "investigating: Some card payments in Europe fail. We are investigating.");
        await script.At("08:40");
        await script.Say("m2", "carol", "The proxy config in eu-west differs from us-east: the upstream timeout is 2s there and 30s everywhere else");
        await script.At("08:47");
        await script.Say("m3", "dan", "The eu-west timeout was changed by hand on Tuesday while debugging and never went into the repository. The deploy pipeline does not manage that file, so nothing put it back");
        await script.At("08:52");
        await script.Status("dan", "identified: The cause is a configuration difference in our European region; a fix is being applied.");
        await script.At("08:58");
        await script.Say("m4", "dan", "Applied the proxy config from the repository to eu-west");
        await script.At("09:05");
        await script.Say("m5", "alice", "502s down to zero in eu-west");
        await script.At("09:10");
        await script.Status("dan", "monitoring: Card payments in Europe work again. We are monitoring.");
        await script.At("09:12");
        await script.Run("carol", "note The drift check job has been failing without telling anyone since the September migration");
        await script.Pin("m2");
        await script.Pin("m3");
        await script.Pin("m4");
        // The bot's own nudges fire as the clock moves on: the thread goes quiet after 09:12.
        await script.At("10:05");
        await script.Run("dan", "resolve Compared the rendered proxy config across all three regions and found them identical; eu-west 502 rate at 0.01% for an hour; a test card payment went through in eu-west");
        await script.At("10:15");
        await script.Run("dan", "action INC-1 Make the deploy pipeline own the proxy config in every region, so a manual change is overwritten by the next deploy");
        await script.Run("carol", "action INC-1 Alert when the drift check fails or finds a difference between regions");
        return await script.Draft();
    }
}
