using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace IncidentBot.Core.Runbook;

/// <summary>Reads a runbook file: <c>steps:</c>, each with an <c>id</c>, a <c>title</c>, optional <c>text</c> and <c>action</c>.</summary>
public static partial class RunbookParser
{
    /// <summary>The runbook, or the problems found, each with its line.</summary>
    public static (RunbookDocument? Runbook, IReadOnlyList<string> Errors) Parse(string yaml)
    {
        var errors = new List<string>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            return (null, [$"line {e.Start.Line}: {e.Message}"]);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("steps"), out var stepsNode) || stepsNode is not YamlSequenceNode steps)
        {
            return (null, ["line 1: a runbook is a mapping with a 'steps' list"]);
        }

        var result = new List<RunbookStep>();
        foreach (var node in steps)
        {
            if (node is not YamlMappingNode step)
            {
                errors.Add($"line {node.Start.Line}: each step is a mapping with id, title and text");
                continue;
            }

            result.Add(Step(step, result, errors));
        }

        if (result.Count == 0)
        {
            errors.Add("line 1: the runbook has no steps");
        }

        return errors.Count == 0 ? (new RunbookDocument(result), []) : (null, errors);
    }

    /// <summary>One step; its problems go to <paramref name="errors"/>, checked against the steps read before it.</summary>
    private static RunbookStep Step(YamlMappingNode step, List<RunbookStep> before, List<string> errors)
    {
        var line = step.Start.Line;
        string? Field(string name) => step.Children.TryGetValue(new YamlScalarNode(name), out var value) ? (value as YamlScalarNode)?.Value : null;
        var unknown = step.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).Where(k => k is not ("id" or "title" or "text" or "action")).ToList();
        errors.AddRange(unknown.Select(k => $"line {line}: unknown field '{k}' (a step has id, title, text and action)"));
        if (Field("action") is { } action && !StepActions.Known.Contains(action))
        {
            errors.Add($"line {line}: unknown action '{action}' (one of {string.Join(", ", StepActions.Known)})");
        }

        var id = Field("id");
        var title = Field("title");
        if (id is null || !StepId().IsMatch(id))
        {
            errors.Add($"line {line}: step id '{id}' must be lowercase letters, digits and '-'");
        }
        else if (before.Any(s => s.Id == id))
        {
            errors.Add($"line {line}: duplicate step id '{id}'");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add($"line {line}: step '{id}' needs a title");
        }

        return new RunbookStep(id ?? "", title ?? "", Field("text"), Field("action"));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex StepId();
}
