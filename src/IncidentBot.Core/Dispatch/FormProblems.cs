using IncidentBot.Core.Chat;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Dispatch;

/// <summary>
/// What is wrong with a submitted form's answers, by field id, found without the database so a platform can show it
/// beside the fields while the form is still open (Slack's <c>response_action: errors</c>). Answers that need the
/// incident to judge are still checked when the form is processed.
/// </summary>
public static class FormProblems
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, string> Of(string formId, IReadOnlyDictionary<string, string?> values, ExpertiseRegistry registry) => formId switch
    {
        DeclareForm.Id => DeclareForm.Problems(values, registry),
        FormButtons.ResolveAction => Blank(values, IncidentForms.Verification, "Write what you checked to confirm service is restored."),
        FormButtons.StatusAction => Blank(values, IncidentForms.Message, "Write what users and stakeholders should know."),
        HandoffMessages.FormAction => Blank(values, IncidentForms.HandoffNotes, "Write what you tried and what you would try next."),
        _ => None,
    };

    // Slack enforces a required field, but spaces alone pass its check.
    private static IReadOnlyDictionary<string, string> Blank(IReadOnlyDictionary<string, string?> values, string field, string problem) =>
        string.IsNullOrWhiteSpace(values.GetValueOrDefault(field)) ? new Dictionary<string, string> { [field] = problem } : None;
}
