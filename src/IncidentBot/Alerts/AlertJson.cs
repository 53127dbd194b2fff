using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using IncidentBot.Core.Alerts;

namespace IncidentBot.Alerts;

/// <summary>Lenient reads of alert JSON: a field of the wrong type counts as missing, so the caller names it in its 400.</summary>
internal static partial class AlertJson
{
    public static string? String(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A mapping of strings (labels, annotations); numbers and booleans are kept as text, anything else is left out.</summary>
    public static Dictionary<string, string> Map(JsonObject json, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json[name] is JsonObject entries)
        {
            foreach (var (key, value) in entries)
            {
                if (value is JsonValue scalar && scalar.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    map[key] = scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
                }
            }
        }

        return map;
    }

    public static AlertStatus? Status(JsonObject json, string name) => String(json, name)?.ToLowerInvariant() switch
    {
        "firing" => AlertStatus.Firing,
        "resolved" => AlertStatus.Resolved,
        _ => null,
    };

    /// <summary>An RFC 3339 time with its offset (<c>Z</c> or <c>+01:00</c>); a time without one is refused rather than guessed.</summary>
    public static DateTimeOffset? Time(JsonObject json, string name) =>
        String(json, name) is { } text
        && WithOffset().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex WithOffset();
}
