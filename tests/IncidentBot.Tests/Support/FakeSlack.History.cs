using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The channels' history: every message posted through chat.postMessage is kept (with its metadata) and listed by
/// conversations.history, newest first, as Slack does. A post can be carried out and its answer lost, to show how
/// the bot avoids posting twice when it cannot know whether a post worked.
/// </summary>
internal sealed partial class FakeSlack
{
    private readonly ConcurrentQueue<(string Channel, string Ts, JsonObject Body)> posted = new();
    private readonly Dictionary<string, int> answersToLose = new(StringComparer.Ordinal);

    /// <summary>The next call to <paramref name="method"/> is carried out, then its connection is cut before the answer.</summary>
    public void LoseAnswerOfNext(string method)
    {
        lock (answersToLose)
        {
            answersToLose[method] = answersToLose.GetValueOrDefault(method) + 1;
        }
    }

    private void ForgetHistory()
    {
        posted.Clear();
        lock (answersToLose)
        {
            answersToLose.Clear();
        }
    }

    /// <summary>The ts of every top-level message posted to <paramref name="channel"/>, oldest first.</summary>
    public string[] TopLevelTs(string channel) => [.. posted.Where(p => p.Channel == channel && p.Body["thread_ts"] is null).Select(p => p.Ts)];

    private IResult PostMessage(JsonObject body, HttpContext context)
    {
        var channel = body["channel"]?.GetValue<string>() ?? "";
        var ts = NextTs();
        posted.Enqueue((channel, ts, (JsonObject)body.DeepClone()));
        return LoseAnswer("chat.postMessage", context) ?? Results.Json(new { ok = true, channel, ts });
    }

    private IResult? LoseAnswer(string method, HttpContext context)
    {
        lock (answersToLose)
        {
            if (answersToLose.GetValueOrDefault(method) == 0)
            {
                return null;
            }

            answersToLose[method]--;
        }

        context.Abort();
        return Results.Empty;
    }

    private IResult History(JsonObject body)
    {
        var channel = body["channel"]?.GetValue<string>();
        var withMetadata = body["include_all_metadata"]?.ToString() is "true" or "True";
        var messages = posted.Where(p => p.Channel == channel && p.Body["thread_ts"] is null).Reverse().Select(p =>
        {
            var message = new JsonObject { ["type"] = "message", ["ts"] = p.Ts, ["text"] = p.Body["text"]?.DeepClone(), ["app_id"] = SlackPayloads.AppId };
            if (withMetadata && p.Body["metadata"] is { } metadata)
            {
                message["metadata"] = metadata.DeepClone();
            }

            return message;
        });
        return Results.Json(new JsonObject { ["ok"] = true, ["messages"] = new JsonArray([.. messages]), ["has_more"] = false });
    }
}
