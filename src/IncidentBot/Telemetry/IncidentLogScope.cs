using System.Collections;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Telemetry;

/// <summary>
/// A logging scope carrying <c>IncidentId</c> (<c>INC-7</c>), so every log line written while handling an incident says
/// which one. Handling a stored request opens it empty, because the incident is known only once the store finds it:
/// the store then names it (<see cref="Note"/>), and later lines of the same handling carry it.
/// </summary>
internal sealed class IncidentLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<IncidentLogScope?> Current = new();

    private long? number;

    /// <summary>Opens a scope for this flow of work; dispose it when the work is done.</summary>
    public static IDisposable Begin(ILogger logger, long? incident = null)
    {
        var scope = new IncidentLogScope { number = incident };
        var outer = Current.Value;
        Current.Value = scope;
        var logScope = logger.BeginScope(scope);
        return new Closing(() =>
        {
            logScope?.Dispose();
            Current.Value = outer;
        });
    }

    /// <summary>The work in progress concerns this incident (a no-op outside a scope).</summary>
    public static void Note(long incident)
    {
        if (Current.Value is { } scope)
        {
            scope.number = incident;
        }
    }

    public int Count => number is null ? 0 : 1;

    public KeyValuePair<string, object?> this[int index] =>
        number is { } n && index == 0 ? new("IncidentId", IncidentId.Format(n)) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => number is { } n ? "IncidentId:" + IncidentId.Format(n) : "";

    private sealed class Closing(Action close) : IDisposable
    {
        public void Dispose() => close();
    }
}
