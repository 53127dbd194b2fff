using System.Text.RegularExpressions;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Dispatch;

/// <summary>
/// Declaring pages people, so text that looks like a command gone wrong never declares: a mistyped verb (see
/// <see cref="VerbTypos"/>) or a summary naming an existing incident (<c>INC-4 back to normal</c>) is answered privately
/// with what it probably meant, a <b>Run that</b> button and a <b>Declare a new incident anyway</b> button; the text
/// names the same two commands for platforms without buttons. Nothing is recorded.
/// </summary>
public sealed partial class DidYouMean(IIncidentStore incidents)
{
    public const string RunAction = "suggested";
    public const string DeclareAction = "declare-anyway";

    /// <summary>Button values longer than this are not sent (Slack's limit, the smallest of the platforms').</summary>
    private const int MaxButtonValue = 2000;

    /// <summary>Whether the summary names an incident id at all, decided without the store (for the instant receipt).</summary>
    public static bool NamesAnId(string text) => Ids(text).Any();

    /// <summary>The suggestion for a summary that names an existing incident; null when it names none.</summary>
    public async Task<DidYouMeanCommand?> ForSummary(string text, CancellationToken ct)
    {
        foreach (var (word, number) in Ids(text))
        {
            if (await incidents.Find(number, ct) is not { } incident)
            {
                continue;
            }

            var words = Words(text);
            var suggestion = words.Count > 1 && words[0] == word && Usage.VerbNames.Contains(words[1].ToLowerInvariant())
                ? string.Join(' ', words.Skip(2).Prepend(incident.Id).Prepend(words[1].ToLowerInvariant()))
                : string.Join(' ', words.Where(w => w != word).Prepend(incident.Id).Prepend("note"));
            return new DidYouMeanCommand(suggestion, text.Trim());
        }

        return null;
    }

    public static ChatMessage Message(CommandContext context, DidYouMeanCommand meant, string prefix)
    {
        var problem = CommandParser.Parse(meant.Suggestion) is InvalidCommand invalid ? $"\n{Usage.For(invalid, prefix)}" : "";
        var declare = $"declare {meant.Text}";
        return new ChatMessage(
            $"{context.RequestKey}:did-you-mean",
            $"Did you mean `{prefix} {meant.Suggestion}`?{problem}\nNothing was declared. To declare a new incident anyway: `{prefix} {declare}`",
            Buttons: [
                .. meant.Suggestion.Length <= MaxButtonValue ? [new ChatButton(RunAction, "Run that", meant.Suggestion, Primary: true)] : Array.Empty<ChatButton>(),
                .. declare.Length <= MaxButtonValue ? [new ChatButton(DeclareAction, "Declare a new incident anyway", declare)] : Array.Empty<ChatButton>(),
            ],
            Private: true);
    }

    /// <summary>The command a pressed button stands for; null when the value is not what that button carries.</summary>
    public static string? CommandOf(string action, string value) => action switch
    {
        RunAction => value,
        DeclareAction when value.StartsWith("declare ", StringComparison.Ordinal) => value,
        _ => null,
    };

    private static IEnumerable<(string Word, long Number)> Ids(string text) =>
        Words(text).Select(w => (Word: w, Match: IdToken().Match(w))).Where(m => m.Match.Success)
            .Select(m => (m.Word, long.Parse(m.Match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)));

    private static List<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();

    [GeneratedRegex("^\\(?INC-(?<n>[0-9]{1,18})[.,;:!?)]*$", RegexOptions.IgnoreCase)]
    private static partial Regex IdToken();
}
