using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Postmortem;

/// <summary>
/// Writing the postmortem's impact, root cause and resolution (from the dashboard; the resolve form can give the last
/// two as well). Each part may be up to <see cref="MaxLength"/> characters; an empty part clears it back to the prompt.
/// What changed, and who changed it, is a <c>message</c> entry on the timeline; the texts themselves are in the draft.
/// </summary>
public sealed class EditPostmortem(IIncidentStore store, TimeProvider clock)
{
    public const int MaxLength = 5000;

    /// <summary>Whether anything changed, and what to tell the person.</summary>
    public async Task<(bool Changed, string Answer)> Run(
        Incident incident, string? impact, string? rootCause, string? resolution, string by, string requestKey, CancellationToken ct)
    {
        (string Name, string? Old, string? New)[] parts =
        [
            ("impact", incident.Impact, Clean(impact)),
            ("root cause", incident.RootCause, Clean(rootCause)),
            ("resolution", incident.Resolution, Clean(resolution)),
        ];
        if (parts.FirstOrDefault(p => p.New?.Length > MaxLength) is { Name: not null } tooLong)
        {
            return (false, $"The {tooLong.Name} may be up to {MaxLength} characters, was {tooLong.New!.Length}. Nothing was changed.");
        }

        var changed = parts.Where(p => p.Old != p.New).Select(p => p.Name).ToList();
        if (changed.Count == 0)
        {
            return (false, $"The postmortem of {incident.Id} already says that. Nothing was changed.");
        }

        await store.SetPostmortemText(incident.Number, parts[0].New, parts[1].New, parts[2].New, ct);
        var text = $"Postmortem edited: {string.Join(", ", changed)}";
        await store.Append(incident.Number, new TimelineEntry(clock.GetUtcNow(), TimelineKind.Message, by, text, "postmortem-edit:" + requestKey), ct);
        return (true, $"{text}.");
    }

    private static string? Clean(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() is { Length: > 0 } clean ? clean : null;
}
