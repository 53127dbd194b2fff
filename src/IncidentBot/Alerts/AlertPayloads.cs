using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Alerts;

namespace IncidentBot.Alerts;

/// <summary>
/// Reads what each source sends into core <see cref="Alert"/>s, or says what is wrong with it. Alertmanager's webhook
/// (version 4) and Grafana's webhook contact point share a shape (a group key and a list of alerts with labels,
/// annotations, start and fingerprint); the generic source is one alert (see the README).
/// </summary>
internal static class AlertPayloads
{
    public const string Alertmanager = "alertmanager";
    public const string Grafana = "grafana";
    public const string Generic = "generic";

    public static bool IsSource(string source) => source is Alertmanager or Grafana or Generic;

    public static AlertParse Parse(string source, byte[] body)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException e)
        {
            return AlertParse.Bad($"The body is not JSON: {e.Message}");
        }

        if (root is null)
        {
            return AlertParse.Bad("The body must be a JSON object.");
        }

        return source switch
        {
            Alertmanager when AlertJson.String(root, "version") != "4" =>
                AlertParse.Bad($"version '{AlertJson.String(root, "version")}' is not supported: IncidentBot reads Alertmanager's webhook version 4."),
            Alertmanager => GroupedAlerts.Parse(Alertmanager, root, ["generatorURL"]),
            Grafana => GroupedAlerts.Parse(Grafana, root, ["panelURL", "dashboardURL", "generatorURL"]),
            _ => GenericAlert.Parse(root),
        };
    }
}

/// <summary>The alerts of one request, or why it was refused (<see cref="Problem"/>, for the 400 answer).</summary>
internal sealed record AlertParse(IReadOnlyList<Alert> Alerts, string? Problem)
{
    public static AlertParse Bad(string problem) => new([], problem);
}

/// <summary>Alertmanager's and Grafana's payload: <c>groupKey</c> and <c>alerts[]</c>.</summary>
internal static class GroupedAlerts
{
    public static AlertParse Parse(string source, JsonObject root, string[] urlFields)
    {
        if (AlertJson.String(root, "groupKey") is not { Length: > 0 } groupKey)
        {
            return AlertParse.Bad("groupKey is missing.");
        }

        if (root["alerts"] is not JsonArray { Count: > 0 } items)
        {
            return AlertParse.Bad("alerts must be a list with at least one alert.");
        }

        var alerts = new List<Alert>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"alerts[{i}]";
            if (items[i] is not JsonObject item)
            {
                return AlertParse.Bad($"{at} must be an object.");
            }

            var labels = AlertJson.Map(item, "labels");
            var annotations = AlertJson.Map(item, "annotations");
            if (AlertJson.Status(item, "status") is not { } status)
            {
                return AlertParse.Bad($"{at}.status must be firing or resolved.");
            }

            if (AlertJson.Time(item, "startsAt") is not { } startsAt)
            {
                return AlertParse.Bad($"{at}.startsAt is missing or not an RFC 3339 time.");
            }

            if (AlertJson.String(item, "fingerprint") is not { Length: > 0 } fingerprint)
            {
                return AlertParse.Bad($"{at}.fingerprint is missing.");
            }

            var url = urlFields.Select(f => AlertJson.String(item, f)).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u));
            var name = labels.GetValueOrDefault("alertname") ?? fingerprint;
            var summary = annotations.GetValueOrDefault("summary") ?? annotations.GetValueOrDefault("description");
            alerts.Add(new Alert(source, $"{source}:{groupKey}", fingerprint, name, status, startsAt, summary, labels, annotations, url));
        }

        return new AlertParse(alerts, null);
    }
}

/// <summary>The generic source: <c>id</c>, <c>title</c>, <c>status</c>, <c>startedAt</c>, and optional <c>severity</c>, <c>summary</c>, <c>labels</c>, <c>url</c>.</summary>
internal static class GenericAlert
{
    public static AlertParse Parse(JsonObject root)
    {
        if (AlertJson.String(root, "id") is not { Length: > 0 and <= 200 } id)
        {
            return AlertParse.Bad("id is missing (or over 200 characters): it groups the notifications of one problem.");
        }

        if (AlertJson.String(root, "title") is not { Length: > 0 } title)
        {
            return AlertParse.Bad("title is missing.");
        }

        if (AlertJson.Status(root, "status") is not { } status)
        {
            return AlertParse.Bad("status must be firing or resolved.");
        }

        if (AlertJson.Time(root, "startedAt") is not { } startedAt)
        {
            return AlertParse.Bad("startedAt is missing or not an ISO 8601 time with an offset.");
        }

        var labels = AlertJson.Map(root, "labels");
        if (AlertJson.String(root, "severity") is { Length: > 0 } severity)
        {
            labels["severity"] = severity;
        }

        var url = AlertJson.String(root, "url");
        var alert = new Alert(AlertPayloads.Generic, $"{AlertPayloads.Generic}:{id}", id, title, status, startedAt, AlertJson.String(root, "summary"), labels, new Dictionary<string, string>(), url);
        return new AlertParse([alert], null);
    }
}
