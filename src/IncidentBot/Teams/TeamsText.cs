using System.Text;
using System.Text.RegularExpressions;

namespace IncidentBot.Teams;

/// <summary>
/// Plain core text for an Adaptive Card TextBlock, which reads a Markdown subset: formatting characters are
/// backslash-escaped so a title cannot bold, link or list anything (brackets stay, as in <c>[Outage]</c>: only the
/// <c>](</c> of a link is broken), and angle brackets too, so a typed <c>&lt;at&gt;</c> stays text. Only the handles the core put there (<c>&lt;@29:…&gt;</c>) become mentions, each
/// with its entity: a mention without an entity never notifies anyone in Teams.
/// </summary>
internal static partial class TeamsText
{
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        var lineStart = true;
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            if (c is '\\' or '*' or '_' or '`' or '~' or '<' or '>' || (lineStart && c is '-' or '+' or '#' or '='))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        // "1. " at the start of a line would become a numbered list; "[text](url)" a link.
        return NumberedLine().Replace(escaped.ToString(), @"$1\.").Replace("](", "]\\(", StringComparison.Ordinal);
    }

    /// <summary>Escapes <paramref name="text"/> and turns the core's handles into mentions, adding their entities.</summary>
    public static string WithMentions(string text, Func<string, string> nameOf, TeamsMentionList mentions)
    {
        var result = new StringBuilder();
        var last = 0;
        foreach (Match handle in Handle().Matches(text))
        {
            result.Append(Escape(text[last..handle.Index]));
            result.Append(mentions.Add(handle.Groups["id"].Value, nameOf(handle.Groups["id"].Value)));
            last = handle.Index + handle.Length;
        }

        return result.Append(Escape(text[last..])).ToString();
    }

    /// <summary>The user ids of the handles in <paramref name="text"/>.</summary>
    public static IEnumerable<string> Handles(string text) => Handle().Matches(text).Select(m => m.Groups["id"].Value);

    [GeneratedRegex("<@(?<id>[A-Za-z0-9:_.@-]+)>")]
    private static partial Regex Handle();

    [GeneratedRegex(@"(?m)^(\s*\d+)\.")]
    private static partial Regex NumberedLine();
}
