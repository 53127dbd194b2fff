namespace IncidentBot.Core.Chat;

/// <summary>
/// A small form (a Slack modal). <see cref="State"/> comes back unchanged with the answers, so the core knows what
/// the form was about; required fields are enforced by the platform and checked again by the core.
/// </summary>
public sealed record ChatForm(string Id, string Title, string SubmitLabel, string State, IReadOnlyList<ChatFormField> Fields);

/// <summary>
/// A text field, or a choice when <see cref="Options"/> is set (value, label). A <see cref="Person"/> field answers with
/// a person as the platform names them (a mention); platforms without a person picker take a mention or registry id as text.
/// <see cref="Initial"/> prefills a text field. A <see cref="Channel"/> field answers with a channel id, picked from the
/// platform's channels.
/// </summary>
public sealed record ChatFormField(
    string Id,
    string Label,
    bool Required,
    bool Multiline = false,
    string? Hint = null,
    IReadOnlyList<(string Value, string Label)>? Options = null,
    bool Person = false,
    string? Initial = null,
    bool Channel = false);
