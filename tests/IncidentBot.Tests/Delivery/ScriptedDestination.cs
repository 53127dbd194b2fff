using System.Collections.Concurrent;
using System.Text.Json;
using IncidentBot.Delivery;

namespace IncidentBot.Tests.Delivery;

/// <summary>
/// A destination written for the tests: its payload says whether to hang, to wait for <see cref="Gate"/>, to fail on a
/// bad payload, or to succeed.
/// </summary>
internal sealed class ScriptedDestination : IOutboxDeliverer
{
    public const string Name = "scripted";
    public const string Hang = "hang";
    public const string Unreadable = "{not json";
    public const string Gated = "gated";

    private readonly ConcurrentQueue<string> tries = new();
    private readonly ConcurrentQueue<string> delivered = new();
    private int inFlight;
    private int mostInFlight;

    public string Platform => Name;

    public IReadOnlyList<string> Delivered => [.. delivered];

    /// <summary>Opened by the test: until then a <see cref="Gated"/> message is being sent.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Tries(string key) => tries.Count(k => k == key);

    /// <summary>The most sends under way at once so far: a sender's concurrency is a limit on this.</summary>
    public int MostInFlight => Volatile.Read(ref mostInFlight);

    public async Task<DeliveryOutcome> Deliver(OutboxMessage message, CancellationToken ct)
    {
        tries.Enqueue(message.MessageKey);
        RecordMost(Interlocked.Increment(ref inFlight));
        try
        {
            return await Send(message, ct);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private void RecordMost(int value)
    {
        var seen = Volatile.Read(ref mostInFlight);
        while (value > seen && Interlocked.CompareExchange(ref mostInFlight, value, seen) is var before && before != seen)
        {
            seen = before;
        }
    }

    private async Task<DeliveryOutcome> Send(OutboxMessage message, CancellationToken ct)
    {
        if (message.Payload == Hang)
        {
            await Task.Delay(Timeout.Infinite, ct);
        }

        if (message.Payload == Gated)
        {
            await Gate.Task.WaitAsync(ct);
        }

        if (message.Payload.StartsWith('{'))
        {
            JsonDocument.Parse(message.Payload).Dispose();
        }

        delivered.Enqueue(message.MessageKey);
        return new DeliveryOutcome.Sent(null);
    }
}
