using System.Text.RegularExpressions;

namespace IncidentBot.Slack;

/// <summary>
/// Converts between Slack's message markup and the plain text the core stores. Slack escapes <c>&amp;</c>,
/// <c>&lt;</c> and <c>&gt;</c> in what people type, so every raw angle bracket in inbound text is Slack's own syntax.
/// </summary>
internal static partial class SlackText
{
    public static string Decode(string slackText)
    {
        var plain = ControlSequence().Replace(slackText, match => DecodeControl(match.Groups[1].Value));

        // &amp; last: "&amp;lt;" is a person typing "&lt;", which must survive as such.
        return plain.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }

    /// <summary>
    /// Escapes plain text for posting. User mentions (<c>&lt;@U123&gt;</c>, the form <see cref="Decode"/> keeps) are
    /// turned back on so named people are notified; broadcasts, groups and links typed as text never are.
    /// </summary>
    public static string Escape(string plain)
    {
        var escaped = plain.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
        return EscapedUserMention().Replace(escaped, "<@$1>");
    }

    private static string DecodeControl(string content)
    {
        var bar = content.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? content : content[..bar];
        var label = bar < 0 || bar == content.Length - 1 ? null : content[(bar + 1)..];
        return target switch
        {
            ['@', ..] => $"<{target}>",
            ['#', ..] => "#" + (label ?? target[1..]),
            ['!', ..] => DecodeSpecial(target[1..], label),
            _ => DecodeLink(target, label),
        };
    }

    private static string DecodeSpecial(string name, string? label)
    {
        if (name.StartsWith("subteam^", StringComparison.Ordinal))
        {
            return label is null ? "@" + name["subteam^".Length..] : label.StartsWith('@') ? label : "@" + label;
        }

        return name switch
        {
            "channel" or "here" or "everyone" => "@" + name,

            // Dates and anything newer: the fallback label is what a reader without Slack would see.
            _ => label ?? "@" + name,
        };
    }

    private static string DecodeLink(string url, string? label)
    {
        const string MailTo = "mailto:";
        if (url.StartsWith(MailTo, StringComparison.OrdinalIgnoreCase))
        {
            return label ?? url[MailTo.Length..];
        }

        // Slack links bare domains itself (<http://example.com|example.com>): keep what the person typed.
        if (label is null || label == url || label == StripScheme(url))
        {
            return label ?? url;
        }

        return $"{label} ({url})";
    }

    private static string StripScheme(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return scheme < 0 ? url : url[(scheme + 3)..];
    }

    [GeneratedRegex("<([^<>]+)>")]
    private static partial Regex ControlSequence();

    [GeneratedRegex("&lt;@([UW][A-Z0-9]{2,})&gt;")]
    private static partial Regex EscapedUserMention();
}
