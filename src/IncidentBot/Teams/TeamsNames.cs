using IncidentBot.Core.Chat;
using IncidentBot.Core.Registry;

namespace IncidentBot.Teams;

/// <summary>
/// Display names for the handles in a message, which a Teams mention needs beside the id: the registry's name, else
/// the name Teams last gave us for that user, else a neutral word.
/// </summary>
internal sealed class TeamsNames(Roster roster, TeamsReferences references)
{
    public const string Unknown = "Teams user";

    public async Task<Func<string, string>> For(ChatMessage message, CancellationToken ct)
    {
        var texts = new[] { message.Heading ?? "", message.Text }.Concat(message.FieldList.Select(f => f.Value));
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in texts.SelectMany(TeamsText.Handles).Distinct(StringComparer.Ordinal))
        {
            names[id] = roster.Registry.FindPerson($"<@{id}>")?.Name ?? (await references.FindUser(id, ct))?.Name ?? Unknown;
        }

        return id => names.GetValueOrDefault(id, Unknown);
    }
}
