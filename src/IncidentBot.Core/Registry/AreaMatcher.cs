namespace IncidentBot.Core.Registry;

/// <summary>Guesses the area of an outage from its summary when the declarer did not give <c>area:</c>.</summary>
public static class AreaMatcher
{
    /// <summary>
    /// The area with the most of its keywords (its key and name count as keywords) in the summary as whole words, any
    /// case; the first in the file on a tie; null when none match.
    /// </summary>
    public static Area? MatchArea(ExpertiseRegistry registry, string summary)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(summary);
        Area? best = null;
        var bestCount = 0;
        foreach (var area in registry.Areas.Values)
        {
            var count = area.Keywords.Append(area.Key).Append(area.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Count(term => ContainsWord(summary, term));
            if (count > bestCount)
            {
                (best, bestCount) = (area, count);
            }
        }

        return best;
    }

    /// <summary>Whole words only, so <c>auth</c> does not match "OAuth" and <c>api</c> does not match "rapid".</summary>
    internal static bool ContainsWord(string text, string word)
    {
        word = word.Trim();
        if (word.Length == 0)
        {
            return false;
        }

        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (!IsWordChar(text, at - 1) && !IsWordChar(text, at + word.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(string text, int index) =>
        index >= 0 && index < text.Length && (char.IsLetterOrDigit(text[index]) || text[index] == '_');
}
