using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace IncidentBot.Tests.Deploy;

/// <summary>Reads the files in deploy/ the way Docker, Compose, Kubernetes and systemd would, enough to compare them with the bot.</summary>
internal static partial class DeployFiles
{
    public static string Repo { get; } = FindRepo();

    public static string PathOf(string relative) => Path.Combine(Repo, "deploy", relative);

    /// <summary>A YAML file as nested dictionaries and lists, with merge keys (<c>&lt;&lt;: *bot</c>) resolved as Compose does.</summary>
    public static Dictionary<object, object> Yaml(string relative)
    {
        using var reader = new StringReader(File.ReadAllText(PathOf(relative)));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    /// <summary>The node at a path of keys (strings) and list indexes (ints); fails the test when it is missing.</summary>
    public static object At(object node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (step, node) switch
            {
                (string key, Dictionary<object, object> map) when map.TryGetValue(key, out var child) => child,
                (int index, List<object> list) when index < list.Count => list[index],
                _ => throw new AssertionException($"no '{step}' in the YAML at {string.Join('.', path)}"),
            };
        }

        return node;
    }

    public static string Text(object node, params object[] path) => At(node, path).ToString()!;

    public static IEnumerable<Dictionary<object, object>> Maps(object node, params object[] path) =>
        ((List<object>)At(node, path)).Cast<Dictionary<object, object>>();

    /// <summary>The Dockerfile's final stage: each instruction with its arguments, continuation lines joined.</summary>
    public static IReadOnlyList<(string Instruction, string Arguments)> DockerfileRunStage()
    {
        var joined = Regex.Replace(File.ReadAllText(PathOf("docker/Dockerfile")), @"\\\r?\n\s*", " ");
        var lines = joined.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
        var instructions = lines.Select(l => l.Split(' ', 2)).Select(p => (p[0].ToUpperInvariant(), p.Length > 1 ? p[1].Trim() : "")).ToList();
        return instructions[instructions.FindLastIndex(i => i.Item1 == "FROM")..];
    }

    /// <summary>The ENV instructions of the final stage, <c>KEY=value</c> pairs, quotes removed.</summary>
    public static Dictionary<string, string> DockerfileEnvironment() =>
        DockerfileRunStage().Where(i => i.Instruction == "ENV")
            .SelectMany(i => EnvPair().Matches(i.Arguments))
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["plain"].Value);

    /// <summary>The systemd unit's settings; <c>Environment=</c> lines become one entry per variable.</summary>
    public static (ILookup<string, string> Settings, Dictionary<string, string> Environment) SystemdUnit()
    {
        var lines = File.ReadAllLines(PathOf("systemd/incidentbot.service"))
            .Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToList();
        var environment = lines.Where(l => l[0] == "Environment")
            .Select(l => l[1].Trim('"').Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        return (lines.ToLookup(l => l[0].Trim(), l => l[1].Trim()), environment);
    }

    /// <summary>
    /// An env file's variables; commented-out examples (<c># Slack__BotToken=xoxb-...</c>) too, marked as such, so
    /// that their names are checked as well.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value, bool Commented)> EnvFile(string relative) =>
        [.. File.ReadAllLines(PathOf(relative)).Select(l => EnvLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups["key"].Value, m.Groups["value"].Value, m.Groups["comment"].Success))];

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IncidentBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("IncidentBot.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?:"(?<quoted>[^"]*)"|(?<plain>\S*))""")]
    private static partial Regex EnvPair();

    [GeneratedRegex(@"^(?<comment>#\s*)?(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>.*)$")]
    private static partial Regex EnvLine();
}
