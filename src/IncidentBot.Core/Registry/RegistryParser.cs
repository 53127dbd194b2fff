using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IncidentBot.Core.Registry;

/// <summary>
/// Reads the registry YAML and checks it whole, reporting every problem as <c>line N: problem</c>. Never throws on a
/// bad file: the host decides whether a bad file stops start-up or is rejected while the last good one stays.
/// </summary>
public static class RegistryParser
{
    private static readonly string[] Keys = ["people", "areas", "deciders", "prod_access"];

    public static RegistryParseResult Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new ParseErrors();
        if (Load(yaml, errors) is not { } root || YamlEntry.Read(root, "the registry", Keys, errors) is not { } top)
        {
            return new RegistryParseResult(null, errors.InLineOrder());
        }

        foreach (var required in Keys.Take(2).Where(k => !top.Has(k)))
        {
            errors.Add(root, $"{required} is required (a list; {required}: [] for none)");
        }

        var people = new PersonParser(errors);
        people.Parse(top.Sequence("people"));
        var areas = new AreaParser(people.IdLines, errors);
        areas.Parse(top.Sequence("areas"));
        var deciders = RegistryIds.References(top.List("deciders"), "deciders", people.IdLines, errors);
        var prodAccess = RegistryIds.References(top.List("prod_access"), "prod_access", people.IdLines, errors);
        return errors.Any
            ? new RegistryParseResult(null, errors.InLineOrder())
            : new RegistryParseResult(new ExpertiseRegistry(people.People, areas.Areas, deciders, prodAccess), []);
    }

    private static YamlNode? Load(string yaml, ParseErrors errors)
    {
        var parser = new Parser(new StringReader(yaml));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            errors.Add(e.Start.Line, e.Message);
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow lists ("[a, b" then a new key).
            errors.Add(parser.Current?.End.Line ?? 1, $"malformed YAML near here, perhaps an unclosed [ or {{ ({e.Message})");
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            errors.Add(
                stream.Documents.Count == 0 ? 1 : stream.Documents[1].RootNode.Start.Line,
                stream.Documents.Count == 0 ? "the file is empty: expected people: and areas:" : "only one YAML document is expected, found another after ---");
            return null;
        }

        return stream.Documents[0].RootNode;
    }
}

/// <summary>Either the registry or the problems that kept it from loading, each <c>line N: problem</c>, in line order.</summary>
public sealed record RegistryParseResult(ExpertiseRegistry? Registry, IReadOnlyList<string> Errors)
{
    public bool IsValid => Registry is not null && Errors.Count == 0;
}
