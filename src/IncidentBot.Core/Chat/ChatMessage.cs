namespace IncidentBot.Core.Chat;

/// <summary>
/// A message in platform-neutral form. All text is plain user-level text: adapters escape it for their markup,
/// so nothing here can ping a channel. <see cref="Key"/> makes sending idempotent: the same key is sent once.
/// An answer marked <see cref="Private"/> must reach its addressee alone: where a platform's answers are seen by the
/// whole channel (Teams), it goes as a direct message instead.
/// </summary>
public sealed record ChatMessage(
    string Key,
    string Text,
    string? Heading = null,
    IReadOnlyList<ChatField>? Fields = null,
    IReadOnlyList<ChatButton>? Buttons = null,
    bool Private = false)
{
    public IReadOnlyList<ChatField> FieldList => Fields ?? [];

    public IReadOnlyList<ChatButton> ButtonList => Buttons ?? [];

    /// <summary>The message as a single plain-text string (notifications, terminal, fallbacks).</summary>
    public string ToPlainText()
    {
        var lines = new List<string>();
        if (Heading is not null)
        {
            lines.Add(Heading);
        }

        if (Text.Length > 0)
        {
            lines.Add(Text);
        }

        lines.AddRange(FieldList.Select(f => $"{f.Label}: {f.Value}"));
        if (ButtonList.Count > 0)
        {
            lines.Add(string.Join("  ", ButtonList.Select(b => $"[{b.Label}]")));
        }

        return string.Join('\n', lines);
    }
}

public sealed record ChatField(string Label, string Value);

/// <summary>A button. When pressed the platform reports <see cref="Action"/> and <see cref="Value"/> to <c>IncidentButtons</c>.</summary>
public sealed record ChatButton(string Action, string Label, string Value, bool Primary = false);
