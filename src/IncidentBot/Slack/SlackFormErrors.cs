using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Registry;

namespace IncidentBot.Slack;

/// <summary>
/// Checks a submitted form before it is stored, so a bad answer is shown beside its field and the form stays open:
/// Slack's <c>{"response_action":"errors","errors":{"&lt;block id&gt;":"..."}}</c>, the HTTP response body or the
/// payload of a Socket Mode acknowledgement. Null when there is nothing to say (the form closes and is processed).
/// </summary>
internal static class SlackFormErrors
{
    public static JsonObject? Of(JsonElement payload, ExpertiseRegistry registry)
    {
        if (SlackModals.ReadSubmission(payload) is not { } submission
            || FormProblems.Of(submission.FormId, submission.Values, registry) is not { Count: > 0 } problems)
        {
            return null;
        }

        // Block ids are the form's field ids (SlackModals), which is what the errors are keyed by.
        var errors = new JsonObject();
        foreach (var (field, problem) in problems)
        {
            errors[field] = problem;
        }

        return new JsonObject { ["response_action"] = "errors", ["errors"] = errors };
    }
}
