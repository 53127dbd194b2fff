using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Runbook;
using IncidentBot.Core.Status;

namespace IncidentBot.Core.Dispatch;

/// <summary>
/// The Status, Resolve and Hand off buttons (and the root cause and deciders' ones): each opens a form, and the
/// submitted form is the same command as the one typed (<c>status &lt;stage&gt; &lt;message&gt;</c>,
/// <c>resolve &lt;what you verified&gt;</c>, <c>handoff @person &lt;what to try next&gt;</c>; see <see cref="FormSubmissions"/>).
/// </summary>
public sealed class IncidentForms(ChatPlatforms platforms, IRegistrySource registry)
{
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
            FormButtons.ResolveAction => ResolveForm(incident),
            HandoffMessages.FormAction => HandoffForm(incident),
            FormButtons.RootCauseAction => RootCauseForm(incident),
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
                FormButtons.ResolveAction => "Say: resolve <what you verified>",
                HandoffMessages.FormAction => $"Say: handoff {incident.Id} @person <what you tried and would try next>",
                FormButtons.RootCauseAction => $"Say: rootcause {incident.Id} <what caused it>",
                AskDeciders.AskAction => $"Say: priority {incident.Id} <your question for the deciders>",
                _ when stage is IncidentStatus.Identified => $"Say: status {incident.Id} identified {RootCauseFound.IdentifiedMessage}",
                _ => "Say: status <stage> <public message>",
            };
    }

    /// <summary>A private incident's form has no public title: nothing of it is ever public.</summary>
    private static ChatForm StatusForm(Incident incident, ExpertiseRegistry registry, IncidentStatus? stage) => new(FormButtons.StatusAction, $"Status of {incident.Id}", "Publish", Number(incident),
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

    private static ChatForm ResolveForm(Incident incident) => new(FormButtons.ResolveAction, $"Resolve {incident.Id}", "Resolve", Number(incident),
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

    private static ChatForm RootCauseForm(Incident incident) => new(FormButtons.RootCauseAction, $"Root cause of {incident.Id}", "Record", Number(incident),
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
