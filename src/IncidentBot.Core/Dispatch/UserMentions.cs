using System.Text.RegularExpressions;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;

namespace IncidentBot.Core.Dispatch;

/// <summary>
/// Turns mentions in what people write (<c>&lt;@U0EVIL&gt;</c> in a summary) into the person's name, or their id as
/// plain text when no name is known, before the text is stored or posted: a title, a note or a status message the
/// bot repeats must never ping anyone. Mentions that name whom a command is about (<c>owner @person</c>) stay.
/// </summary>
public sealed partial class UserMentions(PeopleDirectories directories)
{
    public async Task<Command> Neutralise(CommandContext context, Command command, CancellationToken ct) => command switch
    {
        DeclareCommand d => d with { Summary = await Neutralise(context, d.Summary, ct) },
        NoteCommand n => n with { Text = await Neutralise(context, n.Text, ct) },
        PriorityCommand q => q with { Question = await Neutralise(context, q.Question, ct) },
        PriorityAnswerCommand { Note: { } note } a => a with { Note = await Neutralise(context, note, ct) },
        RootCauseCommand rc => rc with { Text = await Neutralise(context, rc.Text, ct) },
        ActionCommand a => a with { FollowUp = await Neutralise(context, a.FollowUp, ct) },
        HandoffCommand h => h with { Notes = await Neutralise(context, h.Notes, ct) },
        StatusCommand s => s with { PublicMessage = await Neutralise(context, s.PublicMessage, ct) },
        RollbackCommand { Note: { } note } r => r with { Note = await Neutralise(context, note, ct) },
        DeclineCommand { Reason: { } reason } d => d with { Reason = await Neutralise(context, reason, ct) },
        ResolveCommand r => r with
        {
            Verification = await Neutralise(context, r.Verification, ct),
            RootCause = r.RootCause is null ? null : await Neutralise(context, r.RootCause, ct),
            Resolution = r.Resolution is null ? null : await Neutralise(context, r.Resolution, ct),
        },
        _ => command,
    };

    public async Task<string> Neutralise(CommandContext context, string text, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Mention().Matches(text))
        {
            if (!names.ContainsKey(match.Value))
            {
                names[match.Value] = await directories[context.Platform].NameOf(context, match.Value, ct) ?? match.Groups[1].Value;
            }
        }

        return names.Count == 0 ? text : Mention().Replace(text, m => names[m.Value]);
    }

    [GeneratedRegex(@"<@([^<>\s|]+)(?:\|[^<>]*)?>")]
    private static partial Regex Mention();
}
