using YamlDotNet.RepresentationModel;

namespace IncidentBot.Core.Registry;

/// <summary>
/// The problems found in a registry file, each with the line it is on. Parsing goes on after the first problem so
/// that one save shows every mistake; they are reported in line order, as someone fixing the file reads it.
/// </summary>
internal sealed class ParseErrors
{
    private readonly List<(long Line, string Problem)> errors = [];

    public bool Any => errors.Count > 0;

    public void Add(YamlNode node, string problem) => Add(node.Start.Line, problem);

    public void Add(long line, string problem) => errors.Add((line, problem));

    public IReadOnlyList<string> InLineOrder() =>
        [.. errors.OrderBy(e => e.Line).Select(e => $"line {e.Line}: {e.Problem}")];
}
