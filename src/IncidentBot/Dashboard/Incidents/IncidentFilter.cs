using System.Globalization;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;

namespace IncidentBot.Dashboard.Incidents;

/// <summary>
/// The list's filters, from the query string: <c>status</c>, <c>severity</c> (1-4), <c>area</c>, <c>owner</c> (a registry
/// id, a name or a chat handle), <c>from</c> and <c>to</c> (declared on or between, yyyy-mm-dd, UTC) and <c>q</c> (words
/// in the title). A value that cannot be understood is reported, never silently ignored.
/// </summary>
internal sealed record IncidentFilter(
    IncidentStatus? Status, int? Severity, string? Area, string? Owner, DateOnly? From, DateOnly? To, string? Text)
{
    public static (IncidentFilter Filter, IReadOnlyList<string> Errors) Parse(IQueryCollection query)
    {
        var errors = new List<string>();
        var status = Value(query, "status") is { } s
            ? Enum.TryParse<IncidentStatus>(s, ignoreCase: true, out var parsed) && !int.TryParse(s, out _) ? parsed : Error<IncidentStatus?>(errors, $"status must be investigating, identified, monitoring or resolved, was '{s}'.")
            : null;
        var severity = Value(query, "severity") is { } v
            ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var sev) && sev is >= 1 and <= 4 ? sev : Error<int?>(errors, $"severity must be 1, 2, 3 or 4, was '{v}'.")
            : null;
        var from = Date(query, "from", errors);
        var to = Date(query, "to", errors);
        if (from > to)
        {
            errors.Add($"from ({from:yyyy-MM-dd}) is after to ({to:yyyy-MM-dd}).");
        }

        return (new IncidentFilter(status, severity, Value(query, "area"), Value(query, "owner"), from, to, Value(query, "q")), errors);
    }

    public bool Matches(Incident incident, ExpertiseRegistry registry) =>
        (Status is null || incident.Status == Status)
        && (Severity is null || incident.Severity == Severity)
        && (Area is null || string.Equals(incident.Area, Area, StringComparison.OrdinalIgnoreCase))
        && (Owner is null || OwnedBy(incident, registry))
        && (From is null || DateOnly.FromDateTime(incident.DeclaredAt.UtcDateTime) >= From)
        && (To is null || DateOnly.FromDateTime(incident.DeclaredAt.UtcDateTime) <= To)
        && (Text is null || Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word => incident.Title.Contains(word, StringComparison.OrdinalIgnoreCase)));

    private bool OwnedBy(Incident incident, ExpertiseRegistry registry)
    {
        if (incident.Owner is not { } owner)
        {
            return false;
        }

        var person = registry.FindPerson(owner);
        return string.Equals(owner, Owner, StringComparison.OrdinalIgnoreCase)
            || (person is not null && (string.Equals(person.Id, Owner, StringComparison.OrdinalIgnoreCase) || string.Equals(person.Name, Owner, StringComparison.OrdinalIgnoreCase)));
    }

    private static string? Value(IQueryCollection query, string name) =>
        query[name].ToString().Trim() is { Length: > 0 } value ? value : null;

    private static DateOnly? Date(IQueryCollection query, string name, List<string> errors) => Value(query, name) is { } text
        ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : Error<DateOnly?>(errors, $"{name} must be a date like 2026-11-30, was '{text}'.")
        : null;

    private static T Error<T>(List<string> errors, string message)
    {
        errors.Add(message);
        return default!;
    }
}
