using IncidentBot.Core.Tests.Postmortem.Incidents;

namespace IncidentBot.Core.Tests.Postmortem;

/// <summary>
/// Whole drafts for incidents shaped like real outages, compared with reviewed copies. A change to the draft's
/// shape shows up here as a readable difference; rerun with UPDATE_GOLDEN=1 to accept it, then review the files.
/// </summary>
public sealed class GoldenPostmortemTests
{
    [Test]
    public async Task A_release_rolled_back_23_minutes_after_it_shipped()
    {
        var draft = await NegativeOffsetBookings.Play();

        Assert.That(draft, Does.Contain("| Time to mitigate (rollback) | 23 min | 2026-10-19 22:10 |"));
        GoldenFile.AssertMatches("negative-offset-bookings.md", draft);
    }

    [Test]
    public async Task A_cache_outage_that_an_untested_second_cache_layer_turned_into_a_login_outage()
    {
        var draft = await TwoLayerCacheLogins.Play();

        Assert.That(draft, Does.Contain("4 paging and escalation steps (folded)"), "three pages and the deciders told of the SEV-1");
        GoldenFile.AssertMatches("two-layer-cache-logins.md", draft);
    }

    [Test]
    public async Task Configuration_drift_between_regions_after_a_manual_change()
    {
        var draft = await RegionConfigDrift.Play();

        Assert.That(draft, Does.Contain("2 reminders (folded)"));
        GoldenFile.AssertMatches("region-config-drift.md", draft);
    }

    [Test]
    public async Task A_non_deterministic_build_fixed_forward_after_a_failed_rollback()
    {
        var draft = await NonDeterministicBuild.Play();

        Assert.That(draft, Does.Contain("| Time to mitigate (rollback) | rollback did not restore service | - |"));
        GoldenFile.AssertMatches("non-deterministic-build.md", draft);
    }
}
