namespace IncidentBot.Slack;

/// <summary>Shortens escaped Slack text without cutting an entity, a mention or a surrogate pair in half.</summary>
internal static class SlackTruncate
{
    private const char Ellipsis = '…';

    // Longer than any entity (&amp;) or user mention (<@U0123456789AB>) this code produces.
    private const int LongestToken = 24;

    public static string Escaped(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (cut <= 0)
        {
            return Ellipsis.ToString();
        }

        var tokenStart = text.LastIndexOfAny(['&', '<'], cut - 1, Math.Min(cut, LongestToken));
        if (tokenStart >= 0 && text.IndexOfAny([';', '>'], tokenStart, cut - tokenStart) < 0)
        {
            cut = tokenStart;
        }

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), [Ellipsis]);
    }
}
