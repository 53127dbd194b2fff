using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Dispatch;

/// <summary>
/// The Declare form (a home page button, a shortcut): what <c>/outage [private] &lt;summary&gt; area:&lt;key&gt;
/// sev:&lt;n&gt;</c> says, asked field by field. Its answers are checked while the form is still open
/// (<see cref="Problems"/>), so a bad one is shown beside its field and nothing is declared. A submitted form is a
/// <see cref="DeclareCommand"/>, run like the typed one.
/// </summary>
public sealed class DeclareForm(IncidentCommands commands, IRegistrySource registry, ChatPlatforms platforms)
{
    public const string Id = "declare";
    public const string Summary = "summary";
    public const string Area = "area";
    public const string Severity = "severity";
    public const string Visibility = "visibility";
    public const string Channel = "channel";

    private const string Private = "private";

    /// <summary>Asks for the channel too when the platform has no incident channel of its own (<c>Slack:IncidentChannel</c>).</summary>
    public ChatForm Form(string platform)
    {
        var areas = registry.Current.Areas.Values;
        return new(Id, "Declare an outage", "Declare", "",
        [
            new(Summary, "What is broken?", Required: true, Hint: $"The title of the [Outage] thread, at most {Usage.MaxSummaryLength} characters: details go in the thread."),
            .. platforms[platform].IncidentChannelFor("").Length > 0 ? Array.Empty<ChatFormField>() :
            [
                new ChatFormField(Channel, "Channel for the thread", Required: true, Channel: true, Hint: "Public channels, or private ones the bot was invited to."),
            ],
            .. registry.Current.Areas.Count == 0 ? Array.Empty<ChatFormField>() :
            [
                new ChatFormField(Area, "Area", Required: false, Options: [.. areas.Select(a => (a.Key, $"{a.Name} ({a.Key})"))],
                    Hint: "Its owners are paged. Left empty, the summary's words choose it, or the thread asks."),
            ],
            new(Severity, "Severity", Required: false, Options: [("1", "SEV-1 (worst)"), ("2", "SEV-2"), ("3", "SEV-3"), ("4", "SEV-4")]),
            new(Visibility, "Visibility", Required: false, Options: [("public", "Public: it may go on the status page"), (Private, "Private: never on the status page")]),
        ]);
    }

    /// <summary>What is wrong with the answers, by field id; empty when nothing is.</summary>
    public static IReadOnlyDictionary<string, string> Problems(IReadOnlyDictionary<string, string?> values, ExpertiseRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(registry);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var summary = Text(values, Summary);
        if (summary.Length == 0)
        {
            problems[Summary] = "Say what is broken.";
        }
        else if (summary.Length > Usage.MaxSummaryLength)
        {
            problems[Summary] = $"This is {summary.Length} characters; keep it to {Usage.MaxSummaryLength} and add details in the thread.";
        }

        if (Text(values, Area) is { Length: > 0 } area && registry.Areas.Count > 0 && !registry.Areas.ContainsKey(area))
        {
            problems[Area] = $"There is no area '{area}' (any more): pick one from the list.";
        }

        if (Text(values, Severity) is { Length: > 0 } severity && SeverityOf(severity) is null)
        {
            problems[Severity] = $"'{severity}' is not a severity: pick SEV-1 to SEV-4.";
        }

        return problems;
    }

    /// <summary>Declares as the command would: the same permission, the same answers. Problems found now are answered privately.</summary>
    public async Task Submit(CommandContext context, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        if (Problems(values, registry.Current) is { Count: > 0 } problems)
        {
            var text = "Nothing was declared: " + string.Join(" ", problems.Values);
            await platforms[context.Platform].Answer(context, new ChatMessage($"{context.RequestKey}:answer", text, Private: true), ct);
            return;
        }

        var area = Text(values, Area) is { Length: > 0 } key ? key : null;
        var command = new DeclareCommand(Text(values, Summary), area, SeverityOf(Text(values, Severity)), IsPrivate: Text(values, Visibility) == Private);
        var from = Text(values, Channel) is { Length: > 0 } channel ? context with { Channel = channel } : context;
        await commands.Execute(from, command, ct);
    }

    private static string Text(IReadOnlyDictionary<string, string?> values, string id) =>
        (values.TryGetValue(id, out var value) ? value : null)?.ReplaceLineEndings(" ").Trim() ?? "";

    private static int? SeverityOf(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var severity) && severity is >= 1 and <= 4 ? severity : null;
}
