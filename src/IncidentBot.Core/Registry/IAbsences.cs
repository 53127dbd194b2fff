using NodaTime;

namespace IncidentBot.Core.Registry;

/// <summary>Run-time absences (<c>/outage ooo</c>, <c>back</c>), which the registry file does not know.</summary>
public interface IAbsences
{
    /// <summary>A person's <c>/outage ooo</c>: null when they are not marked away; otherwise the day they return, if given.</summary>
    Task<Away?> AwayStatus(string personId, CancellationToken ct);

    Task SetAway(string personId, LocalDate? until, DateTimeOffset at, CancellationToken ct);

    Task SetBack(string personId, CancellationToken ct);
}

/// <summary>A run-time absence; <see cref="Until"/> is the last day away, null for "until I say I'm back".</summary>
public sealed record Away(LocalDate? Until);
