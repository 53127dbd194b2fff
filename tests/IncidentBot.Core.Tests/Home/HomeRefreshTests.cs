using IncidentBot.Core.Home;
using IncidentBot.Core.Tests.Paging;
using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Home;

/// <summary>Whose home pages a change refreshes: everyone the incident concerns, once each, on the incident's platform only.</summary>
public sealed class HomeRefreshTests
{
    [Test]
    public async Task A_change_refreshes_the_owner_the_declarer_everyone_paged_and_whoever_made_it()
    {
        var core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);
        await core.Run("Checkout down area:payments", core.Context(user: "carol"));
        await core.Run("ack 1", core.Context(user: "alice"));
        var tabs = new RecordingTabs(core.Chat.Name);

        await new HomeRefresh([tabs], core.Store, core.Roster, core.Platforms).Incident(1, "INC-1:resolved", "dave", CancellationToken.None);

        // Alice was paged and owns it (Amir, off hours, was not paged); Carol declared it; Dave made the change.
        Assert.That(string.Join(", ", tabs.Refreshed.Order(StringComparer.Ordinal)), Is.EqualTo("alice|INC-1:resolved, carol|INC-1:resolved, dave|INC-1:resolved"));
    }

    [Test]
    public async Task A_platform_without_a_home_page_is_left_alone()
    {
        var core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);
        await core.Run("Checkout down area:payments");
        var tabs = new RecordingTabs("elsewhere");

        await new HomeRefresh([tabs], core.Store, core.Roster, core.Platforms).Incident(1, "INC-1:paged:0", actor: null, CancellationToken.None);

        Assert.That(tabs.Refreshed, Is.Empty);
    }

    private sealed class RecordingTabs(string platform) : IHomeTabs
    {
        public List<string> Refreshed { get; } = [];

        public string Platform => platform;

        public Task Refresh(string handle, string reason, CancellationToken ct)
        {
            Refreshed.Add($"{handle}|{reason}");
            return Task.CompletedTask;
        }
    }
}
