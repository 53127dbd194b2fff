using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Commands;

/// <summary>
/// Tells a mistyped verb (<c>staus INC-4 monitoring</c>, <c>serach sharding</c>) from a summary, because a summary
/// declares an incident and pages people. Two edits from a short verb reach too many ordinary words (<c>not</c> is one
/// from <c>note</c>, <c>one</c> one from <c>done</c>), so a near miss counts only when the rest of the text reads as that
/// verb's arguments too: an incident id right after it, or arguments the verb accepts. Verbs that take any text
/// (<c>note</c>, <c>resolve</c>) accept every summary, so for them, without an id, only two swapped letters count.
/// </summary>
public static class VerbTypos
{
    /// <summary>Verbs whose arguments may be any text, so a valid parse says nothing about intent.</summary>
    private static readonly HashSet<string> FreeText = ["note", "resolve", "action", "private", "declare", "decline", "rootcause", "priority", "search"];

    /// <summary>Verbs that never name an incident, so a number after them is no sign of a command.</summary>
    private static readonly HashSet<string> NoIncident = ["help", "list", "areas", "who", "done", "ooo", "back", "private", "declare", "search"];

    /// <summary>The text as the command it most likely meant, or null when it reads as a summary.</summary>
    public static string? Correct(IReadOnlyList<string> words)
    {
        var first = words[0].ToLowerInvariant();
        if (first.Length < 3 || !first.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        var rest = words.Skip(1).ToList();
        var candidates = Usage.VerbNames
            .Select(verb => (Verb: verb, Edits: Distance(first, verb)))
            .Where(c => c.Edits > 0 && c.Edits <= Allowed(c.Verb) && (c.Verb.Length > 3 || IsSwap(first, c.Verb)))
            .OrderBy(c => c.Edits);
        foreach (var (verb, _) in candidates)
        {
            var corrected = string.Join(' ', rest.Prepend(verb));
            if (ReadsAsCommand(verb, rest, corrected, IsSwap(first, verb)))
            {
                return corrected;
            }
        }

        return null;
    }

    /// <summary>
    /// A lone word reads as a command; so does an incident id after a verb that takes one (a bare number only when the
    /// verb is not free text: "Declined 3 times" is a summary); else the arguments must parse.
    /// </summary>
    private static bool ReadsAsCommand(string verb, List<string> rest, string corrected, bool swapped)
    {
        var strong = swapped || !FreeText.Contains(verb);
        if (rest.Count == 0)
        {
            return true;
        }

        if (!NoIncident.Contains(verb) && IncidentId.TryParse(rest[0], out _)
            && (strong || rest[0].StartsWith("INC-", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return strong && CommandParser.Parse(corrected) is not InvalidCommand;
    }

    /// <summary>Edits a near miss may be from the verb: 1 up to five letters, 2 from six (three-letter verbs: a swap only).</summary>
    private static int Allowed(string verb) => verb.Length <= 5 ? 1 : 2;

    /// <summary>Two neighbouring letters swapped (<c>serach</c>, <c>akc</c>), the commonest slip and never a real word here.</summary>
    private static bool IsSwap(string word, string verb)
    {
        if (word.Length != verb.Length)
        {
            return false;
        }

        var differ = Enumerable.Range(0, word.Length).Where(i => word[i] != verb[i]).ToList();
        return differ.Count == 2 && differ[1] == differ[0] + 1 && word[differ[0]] == verb[differ[1]] && word[differ[1]] == verb[differ[0]];
    }

    /// <summary>Damerau-Levenshtein distance (optimal string alignment): insertions, deletions, substitutions and swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
