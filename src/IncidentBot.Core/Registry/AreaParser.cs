using YamlDotNet.RepresentationModel;

namespace IncidentBot.Core.Registry;

/// <summary>The <c>areas:</c> list: who owns what, and the words that point an outage summary at an area.</summary>
internal sealed class AreaParser(IReadOnlyDictionary<string, long> people, ParseErrors errors)
{
    private static readonly string[] Keys = ["key", "name", "keywords", "primary", "secondary", "pagerduty_routing_key"];

    private readonly Dictionary<string, long> keyLines = new(StringComparer.Ordinal);

    public OrderedDictionary<string, Area> Areas { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Parse(IReadOnlyList<YamlNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (YamlEntry.Read(node, "an area", Keys, errors) is { } entry)
            {
                Parse(entry);
            }
        }
    }

    private void Parse(YamlEntry entry)
    {
        var key = RegistryIds.Read(entry, "key", "area key", keyLines, errors);
        var label = key ?? entry.Scalar("key") ?? "this area";
        var keywords = Keywords(entry);
        var primaryIds = entry.List("primary");
        if (primaryIds.Count == 0)
        {
            errors.Add(entry.LineOf("primary"), $"primary is required for area '{label}' (at least one person id)");
        }

        var primary = RegistryIds.References(primaryIds, $"{label}.primary", people, errors);
        var secondary = RegistryIds.References(entry.List("secondary"), $"{label}.secondary", people, errors);

        foreach (var both in primary.Intersect(secondary))
        {
            errors.Add(entry.LineOf("secondary"), $"'{both}' is both primary and secondary in {label}");
        }

        if (key is not null)
        {
            Areas[key] = new Area(key, entry.Scalar("name") ?? key, keywords, primary, secondary, entry.Scalar("pagerduty_routing_key"));
        }
    }

    /// <summary>Lowercased: matching is case-insensitive, and one spelling reads better in <c>/outage areas</c>.</summary>
    private List<string> Keywords(YamlEntry entry)
    {
        var keywords = new List<string>();
        foreach (var (keyword, node) in entry.List("keywords"))
        {
            var lower = keyword.ToLowerInvariant();
            if (keywords.Contains(lower))
            {
                errors.Add(node, $"keyword '{keyword}' is listed twice");
            }
            else
            {
                keywords.Add(lower);
            }
        }

        return keywords;
    }
}
