using IncidentBot.Persistence;
using IncidentBot.Telemetry;

namespace IncidentBot.Delivery;

/// <summary>
/// The sender of one destination: claims due messages and sends up to its concurrency at once, each within its
/// timeout, so a destination that hangs holds up only its own messages. A send that throws is retried when the
/// cause is passing (network, database, timeout) and set aside at once when it cannot succeed (a payload that does
/// not parse, an incident that does not exist).
/// </summary>
internal sealed partial class DestinationSender(
    IOutboxDeliverer deliverer,
    DestinationOptions destination,
    DeliveryOptions settings,
    Outbox outbox,
    DeliveryResults results,
    OutboxSignal signal,
    OutboxHandOff handOff,
    TimeProvider clock,
    ILogger logger)
{
    public async Task Run(CancellationToken stop)
    {
        using var wake = signal.Subscribe(deliverer.Platform);
        using var slots = new SemaphoreSlim(destination.Concurrency);
        var outage = new DatabaseOutage(settings, clock, logger);
        using var handOffs = handOff.Register(deliverer.Platform, new HandOffs(this, slots, outage, stop));
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stop);
                var asked = slots.CurrentCount + 1;
                var claimed = await ClaimForFreeSlots(slots, asked, outage, stop);
                foreach (var message in claimed)
                {
                    _ = SendAndRelease(message, slots, outage, stop);
                }

                if (claimed.Count < asked)
                {
                    // Every message due was taken: claiming again at once would find nothing, and on SQLite even a
                    // claim that finds nothing takes the write lock the acknowledgements wait for. The next message
                    // queued, or a send ending (its thread's next message may go), wakes this loop.
                    await wake.Wait(await NextWait(stop), clock, stop);
                }
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                await outage.Wait($"the {deliverer.Platform} sender", e, stop);
            }
        }

        // Sends in flight end soon (their token is cancelled); wait so none records into a disposed database.
        for (var i = 0; i < destination.Concurrency; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Called holding one slot, with <paramref name="asked"/> the free slots counting it; takes one more slot per extra
    /// message claimed, and gives back the first when none was.
    /// </summary>
    private async Task<IReadOnlyList<OutboxMessage>> ClaimForFreeSlots(SemaphoreSlim slots, int asked, DatabaseOutage outage, CancellationToken stop)
    {
        IReadOnlyList<OutboxMessage> claimed;
        try
        {
            claimed = await outbox.Claim(deliverer.Platform, asked, Lease, stop);
            outage.Ended();
        }
        catch
        {
            slots.Release();
            throw;
        }

        if (claimed.Count == 0)
        {
            slots.Release();
        }

        for (var extra = 1; extra < claimed.Count; extra++)
        {
            // Slots are only given back meanwhile, never taken, so these are there.
            await slots.WaitAsync(CancellationToken.None);
        }

        return claimed;
    }

    /// <summary>Long enough for the send and for recording its result; only a stuck send lets another instance take over.</summary>
    private TimeSpan Lease => destination.Timeout + settings.InboxLease;

    /// <summary><paramref name="handedOff"/>: given by <see cref="OutboxHandOff"/>, not claimed by this loop.</summary>
    private async Task SendAndRelease(OutboxMessage message, SemaphoreSlim slots, DatabaseOutage outage, CancellationToken stop, bool handedOff = false)
    {
        using var span = BotTraces.OutboxSend(message.Platform, message.Kind, message.IncidentNumber);
        using var scope = IncidentLogScope.Begin(logger, message.IncidentNumber);
        DeliveryOutcome? outcome = null;
        try
        {
            outcome = await Send(message, stop);
            await outage.Persist(() => results.Record(message, outcome, stop), stop);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            LogRecordFailed(deliverer.Platform, message.MessageKey, e);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the claim is released when this run's heartbeat stops, or by its restart.
        }
        finally
        {
            slots.Release();

            // After a send this loop claimed, its thread's next message may go. A handed-off message was never seen by
            // this loop, which is asleep: it is woken only when something waits behind the message, or the message does.
            var followed = handedOff && handOff.Finished(message);
            if (!handedOff || followed || outcome is not DeliveryOutcome.Sent)
            {
                signal.Notify(deliverer.Platform);
            }
        }
    }

    private async Task<DeliveryOutcome> Send(OutboxMessage message, CancellationToken stop)
    {
        using var timer = new CancellationTokenSource(destination.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timer.Token);
        try
        {
            return await deliverer.Deliver(message, linked.Token).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return new DeliveryOutcome.Retry($"no answer within Delivery:Destinations:{deliverer.Platform}:Timeout ({destination.Timeout})");
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            return IsPassing(e)
                ? new DeliveryOutcome.Retry($"{e.GetType().Name}: {e.Message}")
                : new DeliveryOutcome.Failed($"cannot be sent ({e.GetType().Name}: {e.Message})");
        }
    }

    private static bool IsPassing(Exception e) =>
        DatabaseFaults.IsTransient(e) || e is HttpRequestException || (e.InnerException is { } inner && IsPassing(inner));

    private async Task<TimeSpan> NextWait(CancellationToken ct)
    {
        var wait = settings.PollInterval;
        if (await outbox.NextAttemptAt(deliverer.Platform, ct) is { } next && next - clock.GetUtcNow() < wait)
        {
            wait = next - clock.GetUtcNow();
        }

        return wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10);
    }

    /// <summary>This sender's side of <see cref="OutboxHandOff"/>: its own slots, so a handed-off answer counts against its concurrency.</summary>
    private sealed class HandOffs(DestinationSender sender, SemaphoreSlim slots, DatabaseOutage outage, CancellationToken stop) : OutboxHandOff.ISender
    {
        public TimeSpan Lease => sender.Lease;

        public bool TryReserve()
        {
            try
            {
                return !stop.IsCancellationRequested && slots.Wait(0, CancellationToken.None);
            }
            catch (ObjectDisposedException)
            {
                // The sender stopped between being looked up and asked: the answer is queued as any message.
                return false;
            }
        }

        public void Release() => slots.Release();

        // Not on the caller's thread: the inbox worker runs on a thread of its own, and would carry the send's continuations.
        public void Send(OutboxMessage message) =>
            _ = Task.Run(() => sender.SendAndRelease(message, slots, outage, stop, handedOff: true), CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Platform} {Key}: sending or recording failed unexpectedly; it is retried when its claim lapses")]
    private partial void LogRecordFailed(string platform, string key, Exception error);
}
