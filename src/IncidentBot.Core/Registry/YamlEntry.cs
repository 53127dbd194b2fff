using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IncidentBot.Core.Registry;

/// <summary>
/// One mapping of the registry file (the top level, a person, an area, an absence) read by key. A key that is not
/// allowed is an error: a typo such as <c>nmae:</c> or <c>secondry:</c> must not be silently ignored.
/// </summary>
internal sealed class YamlEntry(YamlNode node, ParseErrors errors)
{
    private readonly Dictionary<string, YamlNode> values = new(StringComparer.Ordinal);

    public YamlNode Node { get; } = node;

    /// <summary>The entry, or null (with the error recorded) when the node is not a mapping.</summary>
    public static YamlEntry? Read(YamlNode node, string what, IReadOnlyList<string> allowed, ParseErrors errors)
    {
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(node, $"{what} must be a mapping with the keys {string.Join(", ", allowed)}");
            return null;
        }

        var entry = new YamlEntry(node, errors);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is null || !allowed.Contains(key))
            {
                errors.Add(keyNode, $"unknown key '{key ?? keyNode.ToString()}' in {what} (expected {string.Join(", ", allowed)})");
                continue;
            }

            entry.values[key] = value;
        }

        return entry;
    }

    public bool Has(string key) => values.ContainsKey(key);

    public long LineOf(string key) => values.TryGetValue(key, out var node) ? node.Start.Line : Node.Start.Line;

    /// <summary>A single value; null when the key is missing or has no value (<c>key:</c>, <c>~</c>, <c>null</c>).</summary>
    public string? Scalar(string key) => values.TryGetValue(key, out var node) ? ScalarOf(node, key, errors) : null;

    /// <summary>A list of single values; one value alone counts as a list of one.</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> List(string key)
    {
        var items = new List<(string, YamlNode)>();
        foreach (var node in Items(key, allowSingle: true))
        {
            if (ScalarOf(node, $"each item of {key}", errors) is { } value)
            {
                items.Add((value, node));
            }
            else if (node is YamlScalarNode)
            {
                errors.Add(node, $"empty item in {key}");
            }
        }

        return items;
    }

    /// <summary>The nodes of a list (of mappings, for people, areas and absences); empty when the key is missing.</summary>
    public IReadOnlyList<YamlNode> Sequence(string key) => Items(key, allowSingle: false);

    private IReadOnlyList<YamlNode> Items(string key, bool allowSingle)
    {
        if (!values.TryGetValue(key, out var node) || (node is YamlScalarNode && ScalarOf(node, key, errors) is null))
        {
            return [];
        }

        switch (node)
        {
            case YamlSequenceNode sequence:
                return [.. sequence.Children];
            case YamlScalarNode when allowSingle:
                return [node];
            default:
                errors.Add(node, $"{key} must be a list");
                return [];
        }
    }

    private static string? ScalarOf(YamlNode node, string what, ParseErrors errors)
    {
        if (node is not YamlScalarNode scalar)
        {
            errors.Add(node, $"{what} must be a single value, not a {(node is YamlSequenceNode ? "list" : "mapping")}");
            return null;
        }

        var text = scalar.Value?.Trim();
        var isNull = scalar.Style == ScalarStyle.Plain && text is "~" or "null" or "Null" or "NULL";
        return string.IsNullOrEmpty(text) || isNull ? null : text;
    }
}
