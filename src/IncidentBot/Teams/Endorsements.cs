using System.Collections;
using System.Text.Json;

namespace IncidentBot.Teams;

/// <summary>
/// The <c>endorsements</c> member of a Bot Framework signing key, as Microsoft.IdentityModel keeps unknown members:
/// a JSON element, a list of objects or a single string depending on the version; all read the same.
/// </summary>
internal static class Endorsements
{
    public static IReadOnlyList<string> Read(object? raw) => raw switch
    {
        null => [],
        string one => [one],
        JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        JsonElement { ValueKind: JsonValueKind.String } single => [single.GetString()!],
        IEnumerable list => [.. list.Cast<object?>().Select(item => item switch { string s => s, JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(), _ => null }).OfType<string>()],
        _ => [],
    };
}
