using System.Globalization;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Resolve;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Status;

namespace IncidentBot.Core.Dispatch;

/// <summary>
/// The Status, Resolve and Hand off buttons: each opens a form, and the submitted form runs the same use case as the
/// command (<c>status &lt;stage&gt; &lt;message&gt;</c>, <c>resolve &lt;what you verified&gt;</c>,
/// <c>handoff @person &lt;what to try next&gt;</c>).
/// </summary>
public sealed class IncidentForms(
    IIncidentStore incidents, ChatPlatforms platforms, IncidentCommands commands, ResolveIncident resolve, Permissions permissions, UserMentions mentions, IRegistrySource registry)
{
    public const string StatusAction = FormButtons.StatusAction;
    public const string ResolveAction = FormButtons.ResolveAction;
    public const string RootCauseAction = FormButtons.RootCauseAction;

    public const string Verification = "verification";
    public const string RootCause = "root_cause";
    public const string Resolution = "resolution";
    public const string Stage = "stage";
    public const string Message = "message";
    public const string Title = "public_title";
    public const string NewOwner = "new_owner";
    public const string HandoffNotes = "notes";
    public const string Question = "question";
    public const string PriorityChoice = "answer";
    public const string Note = "note";

    /// <summary>Opens the form a button asks for; the answer is what to tell the presser (null: the form is open).</summary>
    public async Task<string?> Open(CommandContext context, Incident incident, string action, string choice, CancellationToken ct)
    {
        var stage = Enum.TryParse<IncidentStatus>(choice, ignoreCase: true, out var chosen) && char.IsLetter(choice[0]) ? chosen : (IncidentStatus?)null;
        var form = action switch
        {
            ResolveAction => ResolveForm(incident),
            HandoffMessages.FormAction => HandoffForm(incident),
            RootCauseAction => RootCauseForm(incident),
            AskDeciders.AskAction => new ChatForm(AskDeciders.AskAction, $"Ask the deciders about {incident.Id}", "Ask", Number(incident),
                [new(Question, "Your question", Required: true, Multiline: true, Hint: "For example: does this come before the release? Each decider gets it with Drop everything and Can wait.")]),
            _ => StatusForm(incident, registry.Current, stage),
        };
        if (!incident.IsOpen)
        {
            return $"{incident.Id} is already resolved.";
        }

        return await platforms[context.Platform].OpenForm(context, form, ct)
            ? null
            : action switch
            {
                ResolveAction => "Say: resolve <what you verified>",
                HandoffMessages.FormAction => $"Say: handoff {incident.Id} @person <what you tried and would try next>",
                RootCauseAction => $"Say: rootcause {incident.Id} <what caused it>",
                AskDeciders.AskAction => $"Say: priority {incident.Id} <your question for the deciders>",
                _ when stage is IncidentStatus.Identified => $"Say: status {incident.Id} identified {RootCauseFound.IdentifiedMessage}",
                _ => "Say: status <stage> <public message>",
            };
    }

    /// <summary>A submitted form, run as the command it stands for, so the rules and answers are the same.</summary>
    public async Task Submit(CommandContext context, string formId, string state, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        string Value(string id) => (values.TryGetValue(id, out var v) ? v : null)?.ReplaceLineEndings(" ").Trim() ?? "";
        string? Optional(string id) => Value(id) is { Length: > 0 } text ? text : null;
        if (!long.TryParse(state, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || await incidents.Find(number, ct) is not { } incident)
        {
            await Answer(context, "That form belongs to an incident this bot does not know.", ct);
        }
        else if (formId == ResolveAction)
        {
            if (await Resolve(context, incident, Value(Verification), Optional(RootCause), Optional(Resolution), ct) is { } answer)
            {
                await Answer(context, answer, ct);
            }
        }
        else if (formId == AskDeciders.AskAction)
        {
            await commands.Execute(context, $"priority {number} {Value(Question)}", answeredAtReceipt: false, ct);
        }
        else if (formId == AskDeciders.AnswerAction)
        {
            await commands.Execute(context, $"priority {number} {Value(PriorityChoice)} {Value(Note)}", answeredAtReceipt: false, ct);
        }
        else if (formId == RootCauseAction)
        {
            await commands.Execute(context, $"rootcause {number} {Value(RootCause)}", answeredAtReceipt: false, ct);
        }
        else if (formId == HandoffMessages.FormAction)
        {
            await commands.Execute(context, $"handoff {number} {Value(NewOwner)} {Value(HandoffNotes)}", answeredAtReceipt: false, ct);
        }
        else
        {
            // A quote inside the title would end it early when the command is read back.
            var title = Optional(Title) is { } given ? $"title:\"{given.Replace('"', '\'')}\" " : "";
            await commands.Execute(context, $"status {number} {Value(Stage)} {title}{Value(Message)}", answeredAtReceipt: false, ct);
        }
    }

    /// <summary>The resolve form runs the use case itself (the command has no root cause or resolution), so it asks first.</summary>
    private async Task<string?> Resolve(CommandContext context, Incident incident, string verification, string? rootCause, string? resolution, CancellationToken ct)
    {
        if (await permissions.Refuses(context, Acts.Resolve, incident, ct))
        {
            return null;
        }

        if (verification.Length == 0)
        {
            return "Write what you checked to confirm service is restored; the incident stays open until then.";
        }

        async Task<string?> Plain(string? text) => text is null ? null : await mentions.Neutralise(context, text, ct);
        return await resolve.Run(incident, (await Plain(verification))!, context.User, await Plain(rootCause), await Plain(resolution), ct);
    }

    private Task Answer(CommandContext context, string text, CancellationToken ct) =>
        platforms[context.Platform].Answer(context, new ChatMessage($"{context.RequestKey}:answer", text), ct);

    /// <summary>A private incident's form has no public title: nothing of it is ever public.</summary>
    private static ChatForm StatusForm(Incident incident, ExpertiseRegistry registry, IncidentStatus? stage) => new(StatusAction, $"Status of {incident.Id}", "Publish", Number(incident),
    [
        new(Stage, "Stage", Required: true, Options: [("investigating", "Investigating"), ("identified", "Identified"), ("monitoring", "Monitoring")], Initial: stage?.ToString().ToLowerInvariant()),
        .. incident.IsPrivate ? Array.Empty<ChatFormField>() :
        [
            new ChatFormField(Title, "Public title", Required: true, Initial: incident.PublicTitle ?? PublicTitles.For(incident, registry), Hint: "The incident's name on the status page. Not the internal title."),
        ],
        new(Message, "Public message", Required: true, Multiline: true, Initial: stage is IncidentStatus.Identified ? RootCauseFound.IdentifiedMessage : null, Hint: incident.IsPrivate
            ? "This incident is private: the update goes to the thread and the private stakeholder channels only."
            : "What users and stakeholders should know. No internal details: this goes on the status page."),
    ]);

    private static ChatForm ResolveForm(Incident incident) => new(ResolveAction, $"Resolve {incident.Id}", "Resolve", Number(incident),
    [
        new(Verification, "What did you check to confirm service is restored?", Required: true, Multiline: true),
        new(RootCause, "Root cause (if known)", Required: false, Multiline: true),
        new(Resolution, "What fixed it", Required: false, Multiline: true),
    ]);

    /// <summary>A decider's answer, with room for a note; <paramref name="choice"/> is the button pressed (drop or wait).</summary>
    public static ChatForm PriorityAnswerForm(Incident incident, string choice) => new(AskDeciders.AnswerAction, $"Priority of {incident.Id}", "Answer", Number(incident),
    [
        new(PriorityChoice, "Answer", Required: true, Options: [("drop", "Drop everything"), ("wait", "Can wait")], Initial: choice),
        new(Note, "Note (optional)", Required: false, Multiline: true, Hint: "Posted in the incident thread with your answer."),
    ]);

    private static ChatForm RootCauseForm(Incident incident) => new(RootCauseAction, $"Root cause of {incident.Id}", "Record", Number(incident),
    [
        new(RootCause, "What caused it?", Required: true, Multiline: true, Hint: "Goes on the timeline and into the postmortem; nothing of it is public."),
    ]);

    private static ChatForm HandoffForm(Incident incident) => new(HandoffMessages.FormAction, $"Hand off {incident.Id}", "Hand off", Number(incident),
    [
        new(NewOwner, "New owner", Required: true, Person: true, Hint: "A mention or a registry id. They are asked to accept."),
        new(HandoffNotes, "What did you try, and what would you try next?", Required: true, Multiline: true),
    ]);

    private static string Number(Incident incident) => incident.Number.ToString(CultureInfo.InvariantCulture);
}
