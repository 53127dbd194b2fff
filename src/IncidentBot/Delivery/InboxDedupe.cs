namespace IncidentBot.Delivery;

/// <summary>Which rows of a batch are new: the same rule on both stores, whichever way they write.</summary>
internal static class InboxDedupe
{
    /// <summary>A row to insert: its place in the batch and its keys, each once.</summary>
    public sealed record Chosen(int Index, IReadOnlyList<string> Keys);

    /// <summary>Every key of the batch, once: what the store is asked about before <see cref="Choose"/>.</summary>
    public static string[] AllKeys(IReadOnlyList<NewInboxRow> rows) =>
        [.. rows.SelectMany(r => r.DedupeKeys).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The rows none of whose keys is in <paramref name="stored"/> or belongs to an earlier row chosen from the same
    /// batch, in batch order. A key repeated within one row is not a duplicate of itself.
    /// </summary>
    public static List<Chosen> Choose(IReadOnlyList<NewInboxRow> rows, HashSet<string> stored)
    {
        var seen = new HashSet<string>(stored, StringComparer.Ordinal);
        var chosen = new List<Chosen>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var keys = rows[i].DedupeKeys.Distinct(StringComparer.Ordinal).ToList();
            if (!keys.Any(seen.Contains))
            {
                chosen.Add(new Chosen(i, keys));
                seen.UnionWith(keys);
            }
        }

        return chosen;
    }
}
