using NodaTime;

namespace IncidentBot.Core.Registry;

/// <summary>
/// Who knows what: people with their time zones, hours and absences; areas with primary and secondary owners; the
/// people who decide priorities; the people with production access. Loaded from the registry YAML file.
/// </summary>
public sealed record ExpertiseRegistry(
    IReadOnlyDictionary<string, Person> People,
    IReadOnlyDictionary<string, Area> Areas,
    IReadOnlyList<string> Deciders,
    IReadOnlyList<string> ProdAccess)
{
    public static readonly ExpertiseRegistry Empty = new(
        new Dictionary<string, Person>(), new Dictionary<string, Area>(), [], []);

    public bool IsEmpty => People.Count == 0 && Areas.Count == 0;

    /// <summary>The person with this registry id, or whose platform id (<c>U123</c> or <c>&lt;@U123&gt;</c>) this is.</summary>
    public Person? FindPerson(string idOrHandle)
    {
        if (People.TryGetValue(idOrHandle, out var byId))
        {
            return byId;
        }

        var handle = idOrHandle.StartsWith("<@", StringComparison.Ordinal) && idOrHandle.EndsWith('>') ? idOrHandle[2..^1] : idOrHandle;
        return People.Values.FirstOrDefault(p => p.Slack == handle || p.Teams == handle);
    }
}

/// <summary>A person. <see cref="Hours"/> may cross midnight (22:00-06:00): the shift belongs to the day it starts.</summary>
public sealed record Person(
    string Id,
    string Name,
    string? Slack,
    string? Teams,
    string? Email,
    DateTimeZone? TimeZone,
    WorkingHours? Hours,
    IReadOnlySet<IsoDayOfWeek> Days,
    IReadOnlyList<DateRange> OutOfOffice);

public sealed record WorkingHours(LocalTime Start, LocalTime End)
{
    public bool CrossesMidnight => End <= Start;
}

/// <summary>Inclusive on both ends, as people write absences (from the 20th to the 3rd).</summary>
public sealed record DateRange(LocalDate From, LocalDate To)
{
    public bool Contains(LocalDate date) => date >= From && date <= To;
}

/// <summary>An area of expertise. <see cref="PagerDutyRoutingKey"/> routes pages to PagerDuty too, when set.</summary>
public sealed record Area(
    string Key,
    string Name,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Primary,
    IReadOnlyList<string> Secondary,
    string? PagerDutyRoutingKey);
