using System.Text.Json;

namespace IncidentBot.Slack;

/// <summary>Lenient reads from Slack JSON: a missing or differently typed property is null, never an exception.</summary>
internal static class SlackJson
{
    public static string? StringProperty(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? ObjectProperty(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static bool IsTrue(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.True;

    /// <summary>Parses a whole JSON document into an element that no longer depends on a pooled buffer.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out JsonElement root)
    {
        // The reader checks a string's UTF-8 only when it is read, which would throw later, far from here.
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            root = default;
            return false;
        }

        // A body that cannot start a JSON value (a response URL's bare "ok") is told apart without the reader's
        // exception, which cost about 1% of the bot's CPU in a storm of slash commands.
        if (!CanStartValue(utf8.TrimStart(" \t\r\n"u8)))
        {
            root = default;
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8);
            root = JsonElement.ParseValue(ref reader);

            // ParseValue stops after the first value; anything after it means the body is not one document.
            return !reader.Read();
        }
        catch (JsonException)
        {
            root = default;
            return false;
        }
    }

    private static bool CanStartValue(ReadOnlySpan<byte> utf8) =>
        !utf8.IsEmpty && utf8[0] is (byte)'{' or (byte)'[' or (byte)'"' or (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'t' or (byte)'f' or (byte)'n';
}
