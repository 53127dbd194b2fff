using System.Text.RegularExpressions;

namespace IncidentBot.Teams;

/// <summary>
/// Mentions in inbound text. The bot's own is removed (as BotBuilder's RemoveMentionText does); other people's become
/// <c>&lt;@id&gt;</c> tokens, the handle form the core's grammar reads (<c>owner @Bob</c>). Identity comes from the
/// <c>entities</c>, never from the text.
/// </summary>
internal static partial class TeamsMentions
{
    public static string Translate(TeamsActivity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var mention in (activity.Entities ?? []).Where(e => e.Type == "mention" && e.Mentioned?.Id is not null))
        {
            var shown = mention.Text ?? $"<at>{mention.Mentioned!.Name}</at>";
            var replacement = mention.Mentioned!.Id == botId ? "" : $"<@{mention.Mentioned.Id}>";
            text = Regex.Replace(text, Regex.Escape(shown), replacement.Replace("$", "$$", StringComparison.Ordinal), RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        }

        // Teams sends a non-breaking space after a mention; the grammar splits on plain whitespace.
        return WhiteSpace().Replace(text.Replace('\u00a0', ' '), " ").Trim();
    }

    /// <summary>True when the bot itself is mentioned (channels and group chats deliver only those, unless RSC is granted).</summary>
    public static bool MentionsBot(TeamsActivity activity) =>
        activity.Recipient?.Id is { } botId
        && (activity.Entities ?? []).Any(e => e.Type == "mention" && e.Mentioned?.Id == botId);

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex WhiteSpace();
}
