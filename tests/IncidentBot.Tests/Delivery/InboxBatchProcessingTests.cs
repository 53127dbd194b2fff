using Dapper;
using IncidentBot.Delivery;
using IncidentBot.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentBot.Tests.Delivery;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class InboxBatchProcessingTests(StorageProvider provider) : DeliveryTest(provider)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Test]
    public async Task A_request_failing_in_a_batch_is_retried_alone_the_others_complete_and_its_thread_waits_for_it()
    {
        var a = await Start("bot-a");
        var ids = await Add(a, ("t1", "T"), ("c1", null), ("t2 fails", "T"), ("t3", "T"), ("c2 fails", null));
        var handler = new ScriptedHandler();

        await Process(a, handler);

        Assert.That(handler.Handled, Is.EqualTo<string[]>(["t1", "t2 fails", "c1", "c2 fails"]), "t3 is not tried after t2 failed");
        Assert.That(await Rows(), Is.EqualTo<(long, string, int, string?)[]>(
        [
            (ids[0], "done", 1, null),
            (ids[1], "done", 1, null),
            (ids[2], "pending", 1, "t2 fails"),
            (ids[3], "pending", 0, null),
            (ids[4], "pending", 1, "c2 fails"),
        ]));
    }

    [Test]
    public async Task A_burst_the_handler_takes_together_is_completed_with_the_rest_of_its_thread_handled_one_by_one()
    {
        var a = await Start("bot-a");
        await Add(a, ("t1", "T"), ("t2", "T"), ("edit", "T"));
        var handler = new ScriptedHandler { Together = run => run.TakeWhile(i => i.Body.StartsWith('t')).Count() };

        await Process(a, handler);

        Assert.That(handler.TogetherCalls, Is.EqualTo<string[]>(["t1 t2"]));
        Assert.That(handler.Handled, Is.EqualTo<string[]>(["edit"]));
        Assert.That((await Rows()).Select(r => r.Status), Has.All.EqualTo("done"));
    }

    [Test]
    public async Task When_handling_a_burst_together_fails_its_requests_are_handled_one_by_one()
    {
        var a = await Start("bot-a");
        await Add(a, ("t1", "T"), ("t2", "T"));
        var handler = new ScriptedHandler { Together = _ => throw new InvalidOperationException("deadlock") };

        await Process(a, handler);

        Assert.That(handler.Handled, Is.EqualTo<string[]>(["t1", "t2"]));
        Assert.That((await Rows()).Select(r => (r.Status, r.Attempts)), Has.All.EqualTo(("done", 1)));
    }

    private async Task Process(Instance instance, ScriptedHandler handler)
    {
        var settings = new DeliveryOptions();
        var batch = await instance.Inbox.Claim(Lease, settings.InboxBatch, Ct);
        var outage = new DatabaseOutage(settings, Clock, NullLogger.Instance);
        await Processing(instance, settings, handler).Process(batch, outage, Ct);
    }

    private static async Task<List<long>> Add(Instance instance, params (string Body, string? Key)[] requests)
    {
        var ids = new List<long>();
        foreach (var (body, key) in requests)
        {
            ids.Add((await instance.Inbox.TryAdd("slack", "event", body, [], Ct, key))!.Value);
        }

        return ids;
    }

    private async Task<List<(long Id, string Status, int Attempts, string? Error)>> Rows()
    {
        await using var connection = await Database.Open(Ct);
        return [.. await connection.QueryAsync<(long, string, int, string?)>("SELECT id, status, attempts, last_error FROM inbox ORDER BY id")];
    }

    /// <summary>Fails the requests whose body says so; takes together what <see cref="Together"/> says.</summary>
    private sealed class ScriptedHandler : IInboxHandler
    {
        public List<string> Handled { get; } = [];

        public Func<IReadOnlyList<InboxItem>, int> Together { get; init; } = _ => 0;

        public List<string> TogetherCalls { get; } = [];

        public string Platform => "slack";

        public Task Handle(InboxItem item, CancellationToken ct)
        {
            Handled.Add(item.Body);
            return item.Body.EndsWith("fails", StringComparison.Ordinal) ? throw new InvalidOperationException(item.Body) : Task.CompletedTask;
        }

        public Task<int> HandleTogether(IReadOnlyList<InboxItem> run, CancellationToken ct)
        {
            var count = Together(run);
            TogetherCalls.Add(string.Join(' ', run.Take(count).Select(i => i.Body)));
            return Task.FromResult(count);
        }
    }
}
