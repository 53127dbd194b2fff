using IncidentBot.Local;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Local;

internal sealed class TerminalChatTests
{
    private TestDatabase database = null!;

    [SetUp]
    public void CreateDatabase() => database = TestDatabase.Create(StorageProvider.Sqlite);

    private string? registry;

    [Test]
    public async Task In_the_terminal_production_access_is_paged_by_command()
    {
        WriteRegistry();

        var output = await Chat("/outage Checkout down area:payments", "/outage prodaccess INC-1");

        Assert.That(output, Does.Contain("Bringing in production access (asked by you): paging bob.").And.Contain("The people on INC-1 need someone with production access."));
    }

    [Test]
    public async Task In_the_terminal_the_deciders_are_asked_and_answer_by_command()
    {
        WriteRegistry();

        var output = await Chat("/outage Checkout down area:payments", "/outage priority INC-1 Before the release?", "/outage priority INC-1 wait ship first");

        Assert.That(output, Does.Contain("you asked the deciders (You, Bob): Before the release?").And.Contain("[Drop everything]  [Can wait]")
            .And.Contain("Priority: INC-1 can wait behind other work (decided by you): ship first"));
    }

    private void WriteRegistry()
    {
        registry = Path.Combine(Path.GetTempPath(), $"expertise-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(registry, """
            people:
              - { id: you, name: You }
              - { id: bob, name: Bob }
            areas:
              - { key: payments, name: Payments, primary: [you], secondary: [bob] }
            deciders: [you, bob]
            prod_access: [bob]
            """);
    }

    [TearDown]
    public void DropDatabase()
    {
        database.Dispose();
        if (registry is not null)
        {
            File.Delete(registry);
        }
    }

    [Test]
    public async Task In_the_terminal_an_outage_opens_a_thread_and_replies_land_on_the_timeline()
    {
        var output = await Chat("/outage Cache cluster down sev:2", "flushed the cache, no change", "/outage list", "/quit");

        Assert.That(output, Does.Contain("[Outage]: Cache cluster down").And.Contain("Severity: SEV-2").And.Contain("INC-1 declared").And.Contain("1 open"));
        await using var bot = BotHost.Start(database.Settings, slack: null);
        var timeline = (await bot.Incident(1))!["timeline"]!.AsArray();
        Assert.That(timeline.Select(e => (e!["kind"]!.GetValue<string>(), e["text"]!.GetValue<string>())),
            Is.EqualTo<(string, string)[]>([("declared", "Cache cluster down"), ("message", "flushed the cache, no change")]));
    }

    [Test]
    public async Task In_the_terminal_a_mistyped_command_is_questioned_and_declare_declares_anyway()
    {
        var output = await Chat("/outage Cache cluster down", "/outage staus INC-1 monitoring all good", "/outage list");
        Assert.That(output, Does.Contain("Did you mean `/outage status INC-1 monitoring all good`?").And.Contain("`/outage declare staus INC-1 monitoring all good`").And.Contain("1 open"));

        output = await Chat("/outage declare staus INC-1 monitoring all good", "/outage list");

        Assert.That(output, Does.Contain("INC-2 declared").And.Contain("2 open"));
    }

    [Test]
    public async Task In_the_terminal_a_page_can_be_declined_and_the_next_level_is_paged()
    {
        WriteRegistry();

        var output = await Chat("/outage Checkout down area:payments", "/outage decline INC-1 in the database migration");

        Assert.That(output, Does.Contain("Paging you, the primary owners of Payments").And.Contain("You cannot take this: in the database migration")
            .And.Contain("Paging bob, the secondary owners of Payments").And.Contain("Recorded. The secondary owners of Payments are paged now."));
    }

    [Test]
    public async Task In_the_terminal_the_root_cause_is_recorded_and_the_identified_update_is_one_command_away()
    {
        var output = await Chat("/outage Checkout down", "/outage rootcause INC-1 expired certificate", "/outage status INC-1 identified We found the cause and are working on a fix.");

        Assert.That(output, Does.Contain("you found the root cause: expired certificate").And.Contain("'/outage status INC-1 identified We found the cause and are working on a fix.'")
            .And.Contain("Recorded the root cause of INC-1."));
        await using var bot = BotHost.Start(database.Settings, slack: null);
        var incident = (await bot.Incident(1))!;
        Assert.That(incident["status"]!.GetValue<string>(), Is.EqualTo("identified"));
    }

    [Test]
    public async Task In_the_terminal_a_rollback_that_restored_service_counts_as_the_mitigation()
    {
        var output = await Chat("/outage Checkout down", "/outage rollback INC-1 yes", "/outage restored INC-1 yes", "/outage postmortem INC-1");

        Assert.That(output, Does.Contain("did the rollback restore service? (Without buttons: 'restored INC-1 yes|no'.)").And.Contain("Recorded: The rollback restored service."));
        Assert.That(output, Does.Contain("Time to mitigate (rollback)").And.Not.Contain("no rollback recorded"));
        await using var bot = BotHost.Start(database.Settings, slack: null);
        var timeline = (await bot.Incident(1))!["timeline"]!.AsArray();
        Assert.That(timeline.Select(e => (e!["kind"]!.GetValue<string>(), e["text"]!.GetValue<string>())), Has.Member(("decision", "The rollback restored service")));
    }

    [Test]
    public async Task In_the_terminal_a_recurrence_is_shown_related_and_its_earlier_checks_answered_by_command()
    {
        var output = await Chat(
            "/outage Checkout returns 500s",
            "/outage resolve INC-1 Placed three test orders",
            "/outage Checkout returns 502s",
            "/outage related INC-2 INC-1",
            "/outage resolve INC-2 Placed an order",
            "/outage reverify INC-2 INC-1 not-needed new payment provider");

        Assert.That(output, Does.Contain("Similar earlier incidents").And.Contain("INC-1 [Outage]: Checkout returns 500s (resolved")
            .And.Contain("INC-2 and INC-1 are related now")
            .And.Contain("Were INC-1's checks repeated?").And.Contain("[Repeated them]  [Not needed]")
            .And.Contain("you: repeating the checks of INC-1 was not needed. Note: new payment provider"));
    }

    [Test]
    public async Task A_reply_before_any_outage_is_explained_not_lost_silently()
    {
        var output = await Chat("hello?");

        Assert.That(output, Does.Contain("declare an outage with /outage <summary> first"));
    }

    [Test]
    public async Task Incidents_from_an_earlier_session_can_be_reopened_by_id()
    {
        await Chat("/outage Site search slow");

        var output = await Chat("/thread INC-1", "still slow after restart");

        Assert.That(output, Does.Contain("Now in the thread of INC-1"));
        await using var bot = BotHost.Start(database.Settings, slack: null);
        Assert.That((await bot.Incident(1))!["timeline"]!.AsArray(), Has.Count.EqualTo(2));
    }

    private async Task<string> Chat(params string[] lines)
    {
        using var input = new StringReader(string.Join('\n', lines));
        await using var output = new StringWriter();
        // The terminal mode runs on the machine's clock: its default working day ends hours after the test.
        string[] args = ["chat", .. database.Settings.Select(s => $"--{s.Key}={s.Value}"), $"--{WallClockWorkingDay.Setting}={WallClockWorkingDay.Hours()}",
            .. registry is null ? Array.Empty<string>() : [$"--Registry:Path={registry}"]];
        await TerminalChat.Run(args, input, output);
        return output.ToString();
    }
}
