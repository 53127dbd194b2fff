using System.Text;
using System.Text.Json;

namespace IncidentBot.Slack.SocketMode;

/// <summary>
/// A Socket Mode envelope as the request the HTTP endpoint would have received for it: the same parsed request and
/// the same body, so the inbox stores, deduplicates and replays it exactly as it does an HTTP one.
/// </summary>
internal static class SocketEnvelopeRequests
{
    public static (SlackRequest Request, byte[] Body) ToRequest(SocketEnvelope envelope)
    {
        var payload = envelope.Payload;
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return (new SlackUnrecognized($"{envelope.Type} envelope without a payload object"), []);
        }

        switch (envelope.Type)
        {
            case SocketEnvelope.Events:
                return (SlackInbound.FromJson(payload), Encoding.UTF8.GetBytes(payload.GetRawText()));
            case SocketEnvelope.SlashCommands:
                // Over HTTP a command is a form; here it is the same fields as a JSON object.
                var fields = Fields(payload);
                return (SlackInbound.FromForm(fields), Encoding.UTF8.GetBytes(FormBody(fields)));
            case SocketEnvelope.Interactive:
                var json = payload.GetRawText();
                var form = new Dictionary<string, string> { ["payload"] = json };
                return (SlackInbound.FromForm(form), Encoding.UTF8.GetBytes(FormBody(form)));
            default:
                return (new SlackUnrecognized($"envelope type '{envelope.Type}'"), []);
        }
    }

    private static Dictionary<string, string> Fields(JsonElement payload)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in payload.EnumerateObject())
        {
            // Flags such as is_enterprise_install arrive as JSON booleans; a form would carry them as text.
            fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return fields;
    }

    private static string FormBody(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}
