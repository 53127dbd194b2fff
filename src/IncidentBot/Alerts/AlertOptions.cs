using IncidentBot.Core.Alerts;

namespace IncidentBot.Alerts;

/// <summary>
/// Section <c>Alerts</c>: the routing rules file and one credential per source (<c>Alerts:Sources:alertmanager:Token</c>).
/// A source without a credential is off: its endpoint answers 401 and stores nothing.
/// </summary>
internal sealed class AlertOptions
{
    public const string Section = "Alerts";

    public string? RulesPath { get; set; }

    public Dictionary<string, AlertSourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public AlertSourceOptions? SourceFor(string name) =>
        Sources.TryGetValue(name, out var source) && source.IsOn ? source : null;

    public bool AnyOn => Sources.Values.Any(s => s.IsOn);

    public static IEnumerable<string> Validate(AlertOptions o, AlertDestination? destination)
    {
        foreach (var (name, source) in o.Sources)
        {
            if (!AlertRulesParser.Sources.Contains(name))
            {
                yield return $"Alerts:Sources:{name} is not an alert source: use {string.Join(", ", AlertRulesParser.Sources)}.";
            }

            if (source.Token is { } token && source.Secret is { } secret && token.Length > 0 && secret.Length > 0)
            {
                yield return $"Alerts:Sources:{name}: set Token (bearer) or Secret (HMAC signature), not both.";
            }

            foreach (var (setting, value) in new[] { ("Token", source.Token), ("Secret", source.Secret) })
            {
                if (value is { Length: > 0 } && value.Trim().Length < 16)
                {
                    yield return $"Alerts:Sources:{name}:{setting} must be at least 16 characters (it lets alerts open incidents).";
                }
            }
        }

        if (o.AnyOn && destination is null)
        {
            yield return "Alerts:Sources has a source switched on, but neither Slack (Slack:IncidentChannel) nor Teams (Teams:IncidentChannel) has an incident channel for the incidents alerts open.";
        }
    }
}

internal sealed class AlertSourceOptions
{
    /// <summary>The sender sends <c>Authorization: Bearer &lt;Token&gt;</c>.</summary>
    public string? Token { get; set; }

    /// <summary>The sender signs the body like the rollback webhook: HMAC-SHA256 over <c>v1:&lt;timestamp&gt;:&lt;body&gt;</c>.</summary>
    public string? Secret { get; set; }

    public bool IsOn => !string.IsNullOrWhiteSpace(Token) || !string.IsNullOrWhiteSpace(Secret);
}
