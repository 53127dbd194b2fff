using NodaTime;
using NodaTime.Text;
using YamlDotNet.RepresentationModel;

namespace IncidentBot.Core.Registry;

/// <summary>A person's absences: <c>{ from: 2026-12-20, to: 2027-01-03 }</c>, both days included, never overlapping.</summary>
internal static class OutOfOfficeParser
{
    private static readonly string[] Keys = ["from", "to"];

    public static IReadOnlyList<DateRange> Parse(IReadOnlyList<YamlNode> nodes, ParseErrors errors)
    {
        var ranges = new List<(DateRange Range, long Line)>();
        foreach (var node in nodes)
        {
            if (YamlEntry.Read(node, "an out_of_office range", Keys, errors) is not { } entry)
            {
                continue;
            }

            var from = Date(entry, "from", errors);
            var to = Date(entry, "to", errors);
            if (from is null || to is null)
            {
                continue;
            }

            if (from > to)
            {
                errors.Add(node, $"out_of_office from {Iso(from.Value)} is after to {Iso(to.Value)}");
                continue;
            }

            ranges.Add((new DateRange(from.Value, to.Value), node.Start.Line));
        }

        ReportOverlaps(ranges, errors);
        return [.. ranges.Select(r => r.Range).OrderBy(r => r.From)];
    }

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static void ReportOverlaps(List<(DateRange Range, long Line)> ranges, ParseErrors errors)
    {
        // Sorted by start, a range overlaps an earlier one exactly when it starts before the latest end seen so far.
        (DateRange Range, long Line)? latest = null;
        foreach (var current in ranges.OrderBy(r => r.Range.From))
        {
            if (latest is { } earlier && current.Range.From <= earlier.Range.To)
            {
                var (here, other) = current.Line >= earlier.Line ? (current, earlier) : (earlier, current);
                errors.Add(
                    here.Line,
                    $"overlapping out_of_office ranges: {Describe(here.Range)} and {Describe(other.Range)} (line {other.Line})");
            }

            if (latest is null || current.Range.To > latest.Value.Range.To)
            {
                latest = current;
            }
        }
    }

    private static string Describe(DateRange range) => $"{Iso(range.From)} to {Iso(range.To)}";

    private static LocalDate? Date(YamlEntry entry, string key, ParseErrors errors)
    {
        var text = entry.Scalar(key);
        if (text is null)
        {
            errors.Add(entry.Node, $"out_of_office needs {key} (a date like 2026-12-20)");
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            errors.Add(entry.LineOf(key), $"out_of_office {key} '{text}' is not a date like 2026-12-20 (yyyy-MM-dd)");
            return null;
        }

        return parsed.Value;
    }
}
