using System.Globalization;
using IncidentBot.Core.Registry;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IncidentBot.Core.Alerts;

/// <summary>
/// Reads the alert rules file (<c>rules:</c>, a list of <c>source</c>, <c>labels</c>, <c>area</c>, <c>severity</c>,
/// <c>then</c>) and checks it whole, reporting every problem as <c>line N: problem</c>, like the registry.
/// </summary>
public static class AlertRulesParser
{
    public static readonly IReadOnlyList<string> Sources = ["alertmanager", "grafana", "generic"];

    private static readonly string[] RuleKeys = ["source", "labels", "area", "severity", "then"];

    public static (AlertRules? Rules, IReadOnlyList<string> Errors) Parse(string yaml)
    {
        var errors = new ParseErrors();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            return (null, [$"line {e.Start.Line}: {e.Message}"]);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow lists (see RegistryParser).
            return (null, [$"line 1: malformed YAML, perhaps an unclosed [ or {{ ({e.Message})"]);
        }

        if (stream.Documents.Count != 1 || YamlEntry.Read(stream.Documents[0].RootNode, "the rules file", ["rules"], errors) is not { } top)
        {
            return (null, errors.Any ? errors.InLineOrder() : ["line 1: the rules file is a mapping with a 'rules' list"]);
        }

        var rules = top.Sequence("rules").Select(node => Rule(node, errors)).OfType<AlertRule>().ToList();
        return errors.Any ? (null, errors.InLineOrder()) : (new AlertRules(rules), []);
    }

    private static AlertRule? Rule(YamlNode node, ParseErrors errors)
    {
        if (YamlEntry.Read(node, "a rule", RuleKeys, errors) is not { } rule)
        {
            return null;
        }

        var source = rule.Scalar("source");
        if (source is not null && !Sources.Contains(source))
        {
            errors.Add(rule.LineOf("source"), $"source '{source}' is not one of {string.Join(", ", Sources)}");
        }

        int? severity = null;
        if (rule.Scalar("severity") is { } sev)
        {
            severity = int.TryParse(sev, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 4 ? n : null;
            if (severity is null)
            {
                errors.Add(rule.LineOf("severity"), $"severity '{sev}' must be 1 (worst) to 4");
            }
        }

        var then = rule.Scalar("then");
        if (then is not ("declare" or "post"))
        {
            errors.Add(rule.LineOf("then"), then is null ? "then is required: declare or post" : $"then '{then}' must be declare or post");
        }

        return new AlertRule(node.Start.Line, source, Labels(node, errors), rule.Scalar("area")?.ToLowerInvariant(), severity, then == "declare");
    }

    private static Dictionary<string, string> Labels(YamlNode rule, ParseErrors errors)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rule is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode("labels"), out var node))
        {
            return labels;
        }

        if (node is not YamlMappingNode pairs)
        {
            errors.Add(node, "labels must be a mapping of label names to values, as in { team: payments }");
            return labels;
        }

        foreach (var (key, value) in pairs.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } name } && value is YamlScalarNode { Value: { Length: > 0 } text })
            {
                labels[name] = text;
            }
            else
            {
                errors.Add(key, "each label needs a name and a value (\"*\" for any value)");
            }
        }

        return labels;
    }
}
