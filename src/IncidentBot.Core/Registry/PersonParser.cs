using NodaTime;
using YamlDotNet.RepresentationModel;

namespace IncidentBot.Core.Registry;

/// <summary>The <c>people:</c> list. Ids are remembered even for entries with other mistakes, so one typo is one error.</summary>
internal sealed class PersonParser(ParseErrors errors)
{
    private static readonly string[] Keys = ["id", "name", "slack", "teams", "email", "timezone", "hours", "days", "out_of_office"];

    // Platform ids map a mention back to one person; two people with one id would page the wrong one.
    private readonly Dictionary<string, (string Id, long Line)> platformIds = new(StringComparer.Ordinal);

    public Dictionary<string, long> IdLines { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, Person> People { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Parse(IReadOnlyList<YamlNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (YamlEntry.Read(node, "a person", Keys, errors) is { } entry)
            {
                Parse(entry);
            }
        }
    }

    private void Parse(YamlEntry entry)
    {
        var id = RegistryIds.Read(entry, "id", "person id", IdLines, errors);
        var who = id is null ? "this person" : $"person '{id}'";
        var name = entry.Scalar("name");
        if (name is null)
        {
            errors.Add(entry.LineOf("name"), $"name is required for {who}");
        }

        var slack = PlatformId(entry, "slack", id);
        if (slack is not null && !IsSlackUserId(slack))
        {
            errors.Add(entry.LineOf("slack"), $"slack '{slack}' is not a Slack member id like U0ALICE (profile, More, Copy member ID)");
        }

        var teams = PlatformId(entry, "teams", id);
        var email = entry.Scalar("email");
        if (email is not null && (email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.EndsWith('@')))
        {
            errors.Add(entry.LineOf("email"), $"email '{email}' is not an email address");
        }

        var zone = TimeZone(entry);
        var hours = Hours(entry, who);
        var days = Days(entry);
        var absences = OutOfOfficeParser.Parse(entry.Sequence("out_of_office"), errors);
        if (id is not null && name is not null)
        {
            People[id] = new Person(id, name, slack, teams, email, zone, hours, days, absences);
        }
    }

    private string? PlatformId(YamlEntry entry, string key, string? id)
    {
        var value = entry.Scalar(key);
        if (value is null || id is null)
        {
            return value;
        }

        var line = entry.LineOf(key);
        if (platformIds.TryGetValue($"{key}:{value}", out var owner) && owner.Id != id)
        {
            errors.Add(line, $"{key} id '{value}' is already {owner.Id}'s (line {owner.Line})");
        }

        platformIds.TryAdd($"{key}:{value}", (id, line));
        return value;
    }

    private DateTimeZone? TimeZone(YamlEntry entry)
    {
        var text = entry.Scalar("timezone");
        var zone = text is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(text);
        if (text is not null && zone is null)
        {
            errors.Add(entry.LineOf("timezone"), $"unknown time zone '{text}'");
        }

        return zone;
    }

    private WorkingHours? Hours(YamlEntry entry, string who)
    {
        if (entry.Scalar("hours") is not { } text)
        {
            return null;
        }

        var line = entry.LineOf("hours");
        var hours = Schedule.ParseHours(text);
        if (hours is null)
        {
            errors.Add(line, $"hours '{text}' must be HH:mm-HH:mm, like 09:00-17:30");
        }
        else if (hours.Start == hours.End)
        {
            errors.Add(line, $"hours '{text}' start and end at the same time (leave hours out for someone always reachable)");
        }
        else if (!entry.Has("timezone"))
        {
            errors.Add(line, $"hours need a timezone for {who} (an IANA id like Europe/Berlin)");
        }

        return hours;
    }

    private IReadOnlySet<IsoDayOfWeek> Days(YamlEntry entry)
    {
        var items = entry.List("days");
        if (items.Count == 0)
        {
            return Schedule.DefaultDays;
        }

        var text = string.Join(",", items.Select(i => i.Value));
        var days = Schedule.ParseDays(text, out var problem);
        if (days is null)
        {
            errors.Add(entry.LineOf("days"), $"days '{text}': {problem} (write days like Mon-Fri, Sat,Sun or Mon,Wed-Fri)");
        }

        return days ?? Schedule.DefaultDays;
    }

    private static bool IsSlackUserId(string id) =>
        id.Length >= 3 && id[0] is 'U' or 'W' && id.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));
}
