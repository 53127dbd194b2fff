using System.Text.Json.Nodes;

namespace IncidentBot.Teams;

/// <summary>
/// The mention entities of one card (<c>msteams.entities</c>). Teams matches each entity's text against the card's
/// text, so every person gets one <c>&lt;at&gt;</c> text, repeated wherever they are mentioned.
/// </summary>
internal sealed class TeamsMentionList
{
    private readonly Dictionary<string, string> textById = new(StringComparer.Ordinal);
    private readonly JsonArray entities = [];

    public int Count => entities.Count;

    public string Add(string id, string name)
    {
        if (textById.TryGetValue(id, out var known))
        {
            return known;
        }

        // The name sits inside the tag, so it must not close it.
        var clean = name.Replace("<", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal);
        var text = $"<at>{clean}</at>";
        textById[id] = text;
        entities.Add(new JsonObject { ["type"] = "mention", ["text"] = text, ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = clean } });
        return text;
    }

    public JsonArray ToJson() => (JsonArray)entities.DeepClone();
}
