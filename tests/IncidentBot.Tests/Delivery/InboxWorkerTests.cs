using IncidentBot.Delivery;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;

namespace IncidentBot.Tests.Delivery;

[TestFixture(StorageProvider.Sqlite)]
[TestFixture(StorageProvider.Postgres)]
internal sealed class InboxWorkerTests(StorageProvider provider) : DeliveryTest(provider)
{
    [Test]
    public async Task The_inbox_worker_handles_requests_on_its_own_thread_and_comes_back_to_it_after_each_await()
    {
        var instance = await Start("bot-a");
        await instance.Inbox.TryAdd("slack", "event", "a reply", [], Ct);
        var handler = new ThreadRecordingHandler();
        using var worker = Worker(instance, new DeliveryOptions(), handler);

        await worker.StartAsync(Ct);
        await Eventually.Get(() => instance.Inbox.Pending(Ct), n => n == 0, "the request to be handled");
        await worker.StopAsync(Ct);

        // The database's awaits (real I/O on PostgreSQL) and a timer's both complete on other threads.
        Assert.That(handler.Threads, Is.EqualTo<string[]>(["inbox worker", "inbox worker"]));
    }

    /// <summary>Records the thread its handling runs on, before and after awaits that complete elsewhere.</summary>
    private sealed class ThreadRecordingHandler : IInboxHandler
    {
        public List<string> Threads { get; } = [];

        public string Platform => "slack";

        public async Task Handle(InboxItem item, CancellationToken ct)
        {
            Threads.Add(Current());
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, ct);
            Threads.Add(Current());
        }

        private static string Current() => Thread.CurrentThread.IsThreadPoolThread ? "the pool" : Thread.CurrentThread.Name ?? "an unnamed thread";
    }
}
