using NodaTime;
using NodaTime.Text;

namespace IncidentBot.Core.Registry;

/// <summary>Working hours and days as people write them in the registry (<c>09:00-17:30</c>, <c>Mon,Wed-Fri</c>), both ways.</summary>
internal static class Schedule
{
    public static readonly IReadOnlySet<IsoDayOfWeek> DefaultDays = DaysFrom(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday);

    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private static readonly IsoDayOfWeek[] Week =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    public static string Format(LocalTime time) => Time.Format(time);

    public static string Format(WorkingHours hours) => $"{Format(hours.Start)}-{Format(hours.End)}";

    /// <summary><c>HH:mm-HH:mm</c>; an end of <c>24:00</c> is midnight, so <c>18:00-24:00</c> works as people mean it.</summary>
    public static WorkingHours? ParseHours(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || Time.Parse(parts[0]) is not { Success: true } start)
        {
            return null;
        }

        var end = Time.Parse(parts[1] == "24:00" ? "00:00" : parts[1]);
        return end.Success ? new WorkingHours(start.Value, end.Value) : null;
    }

    /// <summary>Days and ranges separated by commas; a range may wrap past Sunday (<c>Sun-Tue</c>).</summary>
    public static IReadOnlySet<IsoDayOfWeek>? ParseDays(string text, out string problem)
    {
        var days = new HashSet<IsoDayOfWeek>();
        problem = "";
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            var unknown = bounds.FirstOrDefault(b => Day(b) is null);
            if (bounds.Length > 2 || unknown is not null)
            {
                problem = bounds.Length > 2 ? $"'{part}' is not a day or a range of days" : $"unknown day '{unknown}'";
                return null;
            }

            days.UnionWith(DaysFrom(Day(bounds[0])!.Value, Day(bounds[^1])!.Value));
        }

        problem = days.Count == 0 ? "no days given" : "";
        return days.Count == 0 ? null : days;
    }

    /// <summary>Runs of days as ranges in week order (<c>Mon-Fri</c>, <c>Sat,Sun</c>, <c>Fri,Sun-Tue</c>).</summary>
    public static string Format(IReadOnlySet<IsoDayOfWeek> days)
    {
        if (days.Count is 0 or 7)
        {
            return days.Count == 0 ? "no days" : "Mon-Sun";
        }

        // Start at a day that begins a run, so a run wrapping past Sunday is written as one range.
        var start = Array.FindIndex(Week, d => days.Contains(d) && !days.Contains(Previous(d)));
        var runs = new List<string>();
        for (var i = 0; i < 7;)
        {
            var day = Week[(start + i) % 7];
            var length = 0;
            while (i + length < 7 && days.Contains(Week[(start + i + length) % 7]))
            {
                length++;
            }

            if (length > 0)
            {
                var last = Week[(start + i + length - 1) % 7];
                runs.Add(length switch { 1 => Short(day), 2 => $"{Short(day)},{Short(last)}", _ => $"{Short(day)}-{Short(last)}" });
            }

            i += Math.Max(length, 1);
        }

        return string.Join(",", runs);
    }

    public static IsoDayOfWeek Previous(IsoDayOfWeek day) => day == IsoDayOfWeek.Monday ? IsoDayOfWeek.Sunday : day - 1;

    private static IsoDayOfWeek Next(IsoDayOfWeek day) => day == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : day + 1;

    private static HashSet<IsoDayOfWeek> DaysFrom(IsoDayOfWeek first, IsoDayOfWeek last)
    {
        var days = new HashSet<IsoDayOfWeek> { first };
        for (var day = first; day != last; day = Next(day))
        {
            days.Add(Next(day));
        }

        return days;
    }

    /// <summary>A day by its English name or a prefix of three letters or more (Mon, Tues, Thursday), any case.</summary>
    private static IsoDayOfWeek? Day(string name)
    {
        var day = name.Length < 3 ? IsoDayOfWeek.None : Array.Find(Week, d => d.ToString().StartsWith(name, StringComparison.OrdinalIgnoreCase));
        return day == IsoDayOfWeek.None ? null : day;
    }

    private static string Short(IsoDayOfWeek day) => day.ToString()[..3];
}
