using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Authorization;

/// <summary>What an operator reads about permissions: the missing registry once, and each refusal without its text.</summary>
internal sealed class RefusalLogTests
{
    private RecordingLoggerProvider logs = null!;
    private TestDatabase database = null!;
    private FakeSlack slack = null!;
    private BotHost bot = null!;

    [SetUp]
    public async Task Start()
    {
        logs = new RecordingLoggerProvider();
        database = TestDatabase.Create(StorageProvider.Sqlite);
        slack = await FakeSlack.Start();
        bot = BotHost.Start(database.Settings, slack, services: services => services.AddSingleton<ILoggerProvider>(logs));
    }

    [TearDown]
    public async Task Stop()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
        database.Dispose();
        logs.Dispose();
    }

    [Test]
    public void Without_a_registry_the_start_up_log_says_once_who_stands_in()
    {
        Assert.That(logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.StartsWith("There is no expertise registry", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_refusal_is_logged_with_the_act_and_the_person_but_not_what_they_wrote()
    {
        using (await bot.SlashCommand("Checkout down"))
        {
        }

        await Eventually.Get(() => bot.Incident(1), i => i?["id"] is not null, "INC-1");
        using (await bot.SlashCommand("resolve INC-1 the password is hunter2", user: "U0BOB"))
        {
        }

        var refusal = await Eventually.Get(() => Task.FromResult(logs.Entries.Where(e => e.Message.StartsWith("Refused Resolve", StringComparison.Ordinal)).ToList()), r => r.Count > 0, "the logged refusal");
        Assert.That(refusal[0].Message, Is.EqualTo("Refused Resolve on INC-1 to slack user <@U0BOB> (Member)"));
        Assert.That(logs.Entries.Select(e => e.Message), Has.None.Contain("hunter2"));
    }
}
