using NodaTime;

namespace IncidentBot.Core.Registry;

/// <summary>Who is who and who is available now: the registry file plus run-time <c>/outage ooo</c>.</summary>
public sealed class Roster(IRegistrySource registry, IAbsences absences, TimeProvider clock)
{
    public ExpertiseRegistry Registry => registry.Current;

    public async Task<AvailabilityStatus> StatusOf(Person person, CancellationToken ct)
    {
        var away = await absences.AwayStatus(person.Id, ct);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        return Availability.Of(person, now, away?.Until, outOfOfficeNow: away is not null);
    }

    /// <summary>The registry people behind <paramref name="ids"/>, each with whether they can be paged now.</summary>
    public async Task<IReadOnlyList<(Person Person, AvailabilityStatus Status)>> StatusOf(IEnumerable<string> ids, CancellationToken ct)
    {
        var result = new List<(Person, AvailabilityStatus)>();
        foreach (var id in ids)
        {
            if (Registry.People.TryGetValue(id, out var person))
            {
                result.Add((person, await StatusOf(person, ct)));
            }
        }

        return result;
    }
}
