namespace IncidentBot.Core.Incidents;

/// <summary>
/// The optional <c>title:"..."</c> of a status update: the incident's name on the public status page. Quoted because a
/// title has spaces; typographic quotes count too, since chat clients turn <c>"</c> into them.
/// </summary>
internal static class PublicTitle
{
    public const int MaxLength = 100;

    private const string Prefix = "title:";
    private static readonly char[] Quotes = ['"', '\u201C', '\u201D'];

    /// <summary>Splits <c>title:"..."</c> off the front of the words; the rest is the message.</summary>
    public static (string? Title, List<string> Message, string? Problem) Take(List<string> words)
    {
        if (words.Count == 0 || !words[0].StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return (null, words, null);
        }

        var first = words[0][Prefix.Length..];
        if (first.Length == 0 || !Quotes.Contains(first[0]))
        {
            // A one-word title needs no quotes: title:Payments.
            return Checked(first, words.Skip(1).ToList());
        }

        var parts = new List<string> { first[1..] };
        for (var i = 0; ; i++)
        {
            var last = parts[^1];
            if (last.Length > 0 && Quotes.Contains(last[^1]))
            {
                parts[^1] = last[..^1];
                return Checked(string.Join(' ', parts), words.Skip(i + 1).ToList());
            }

            if (i + 1 >= words.Count)
            {
                return (null, [], "Close the public title with a quote: title:\"Degraded performance: Payments\".");
            }

            parts.Add(words[i + 1]);
        }
    }

    /// <summary>
    /// A title given on its own (the Status form), held to the same rules as a typed one. A typed title cannot hold a
    /// straight quote, so a form's quotes become apostrophes: the same titles reach the status page either way.
    /// </summary>
    public static (string? Title, List<string> Message, string? Problem) Given(string? title, List<string> message) =>
        title is null ? (null, message, null) : Checked(title.Replace('"', '\''), message);

    private static (string?, List<string>, string?) Checked(string title, List<string> message)
    {
        var trimmed = title.Trim();
        if (trimmed.Length == 0)
        {
            return (null, [], "The public title is empty: leave title: out to keep the current one.");
        }

        return trimmed.Length > MaxLength
            ? (null, [], $"The public title is {trimmed.Length} characters; keep it to {MaxLength}.")
            : (trimmed, message, null);
    }
}
