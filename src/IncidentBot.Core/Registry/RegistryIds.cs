using YamlDotNet.RepresentationModel;

namespace IncidentBot.Core.Registry;

/// <summary>
/// Person ids and area keys: lowercase and unique, because people type them in commands (<c>who payments</c>,
/// <c>owner alice</c>) and the registry refers to people by them.
/// </summary>
internal static class RegistryIds
{
    /// <summary>The id under <paramref name="key"/>, or null (with the error recorded) when missing, malformed or taken.</summary>
    public static string? Read(YamlEntry entry, string key, string kind, Dictionary<string, long> seen, ParseErrors errors)
    {
        var id = entry.Scalar(key);
        var line = entry.LineOf(key);
        if (id is null)
        {
            errors.Add(line, $"{key} is required for each {kind.Split(' ')[0]}");
            return null;
        }

        if (!IsValid(id))
        {
            errors.Add(line, $"{kind} '{id}' must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");
            return null;
        }

        if (seen.TryGetValue(id, out var first))
        {
            errors.Add(line, $"duplicate {kind} '{id}' (first at line {first})");
            return null;
        }

        seen[id] = line;
        return id;
    }

    /// <summary>Person ids named in a list such as <c>payments.secondary</c> or <c>deciders</c>; unknown ones are errors.</summary>
    public static IReadOnlyList<string> References(
        IReadOnlyList<(string Value, YamlNode Node)> items, string where, IReadOnlyDictionary<string, long> people, ParseErrors errors)
    {
        var ids = new List<string>();
        foreach (var (id, node) in items)
        {
            if (!people.ContainsKey(id))
            {
                errors.Add(node, $"unknown person '{id}' in {where}");
            }
            else if (ids.Contains(id))
            {
                errors.Add(node, $"'{id}' is listed twice in {where}");
            }
            else
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static bool IsValid(string id) =>
        IsLowerLetterOrDigit(id[0]) && id.All(c => IsLowerLetterOrDigit(c) || c is '.' or '_' or '-');

    private static bool IsLowerLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
