using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// What to do with an alert: the first rule whose source and labels match decides; an alert no rule matches (or every
/// alert, without a rules file) gets the defaults: declare when its <c>severity</c> label is <c>critical</c> (SEV-1) or
/// <c>page</c> (SEV-2), else only post it to the incident channel. A rule without an area, and the defaults, take
/// the <c>area</c> label when it names a registry area, else the areas' keywords in the alert's name and summary.
/// </summary>
public sealed record AlertRules(IReadOnlyList<AlertRule> Rules)
{
    public static readonly AlertRules Defaults = new([]);

    public AlertRoute Route(Alert alert, ExpertiseRegistry registry)
    {
        var rule = Rules.FirstOrDefault(r => r.Matches(alert));
        var area = rule?.Area ?? DefaultArea(alert, registry);
        if (rule is not null)
        {
            return new AlertRoute(rule.Declare, area, rule.Severity ?? DefaultSeverity(alert), rule.Line);
        }

        var severity = DefaultSeverity(alert);
        return new AlertRoute(severity is not null, area, severity, Line: null);
    }

    private static int? DefaultSeverity(Alert alert) => alert.Label("severity")?.ToLowerInvariant() switch
    {
        "critical" => 1,
        "page" => 2,
        _ => null,
    };

    private static string? DefaultArea(Alert alert, ExpertiseRegistry registry) =>
        alert.Label("area") is { } label && registry.Areas.ContainsKey(label)
            ? label
            : AreaMatcher.MatchArea(registry, $"{alert.Name} {alert.Summary}")?.Key;
}

/// <summary>One rule of the rules file; <see cref="Line"/> is where it starts, for messages and the thread.</summary>
public sealed record AlertRule(long Line, string? Source, IReadOnlyDictionary<string, string> Labels, string? Area, int? Severity, bool Declare)
{
    /// <summary>Every label given must be on the alert with that value (<c>"*"</c>: with any value).</summary>
    public bool Matches(Alert alert) =>
        (Source is null || Source == alert.Source)
        && Labels.All(l => alert.Label(l.Key) is { } value && (l.Value == "*" || string.Equals(value, l.Value, StringComparison.Ordinal)));
}

/// <summary>The decision for one alert; <see cref="Line"/> is the rule's, null for the defaults.</summary>
public sealed record AlertRoute(bool Declare, string? Area, int? Severity, long? Line);

/// <summary>The rules in force (the file at <c>Alerts:RulesPath</c>, or the defaults).</summary>
public interface IAlertRulesSource
{
    AlertRules Current { get; }
}
