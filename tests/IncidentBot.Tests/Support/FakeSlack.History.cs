using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The channels' history: every message posted through chat.postMessage is kept (with its metadata) and listed by
/// conversations.history (newest first) and conversations.replies (oldest first), as Slack does. A post can be carried out and its answer lost, to show how
/// the bot avoids posting twice when it cannot know whether a post worked.
/// </summary>
internal sealed partial class FakeSlack
{
    private readonly ConcurrentQueue<(string Channel, string Ts, JsonObject Body)> posted = new();
    private readonly List<(string Method, string? Channel)> answersToLose = [];

    /// <summary>
    /// The next call to <paramref name="method"/> (to <paramref name="channel"/>, when given) is carried out, then its
    /// connection is cut before the answer.
    /// </summary>
    public void LoseAnswerOfNext(string method, string? channel = null)
    {
        lock (answersToLose)
        {
            answersToLose.Add((method, channel));
        }
    }

    private void ForgetHistory()
    {
        posted.Clear();
        MaxPageSize = 1000;
        lock (answersToLose)
        {
            answersToLose.Clear();
        }
    }

    /// <summary>The ts of every top-level message posted to <paramref name="channel"/>, oldest first.</summary>
    public string[] TopLevelTs(string channel) => [.. posted.Where(p => p.Channel == channel && p.Body["thread_ts"] is null).Select(p => p.Ts)];

    /// <summary>The text of every message that reached <paramref name="thread"/> (answer lost or not), oldest first.</summary>
    public string[] ThreadTexts(string thread) =>
        [.. posted.Where(p => p.Body["thread_ts"]?.GetValue<string>() == thread).Select(p => p.Body["text"]?.GetValue<string>() ?? "")];

    private IResult PostMessage(JsonObject body, HttpContext context)
    {
        var channel = body["channel"]?.GetValue<string>() ?? "";
        var ts = NextTs();
        posted.Enqueue((channel, ts, (JsonObject)body.DeepClone()));
        return LoseAnswer("chat.postMessage", channel, context) ?? Results.Json(new { ok = true, channel, ts });
    }

    private IResult? LoseAnswer(string method, string channel, HttpContext context)
    {
        lock (answersToLose)
        {
            var lost = answersToLose.FindIndex(a => a.Method == method && (a.Channel is null || a.Channel == channel));
            if (lost < 0)
            {
                return null;
            }

            answersToLose.RemoveAt(lost);
        }

        context.Abort();
        return Results.Empty;
    }

    /// <summary>Slack may return fewer messages than asked for, with a cursor to the rest; a test lowers this to make the bot page.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>The channel's top-level messages, newest first. <c>oldest</c> is not applied: the fake's ts are not the wall clock.</summary>
    private IResult History(JsonObject body)
    {
        var channel = body["channel"]?.GetValue<string>();
        return Page(body, posted.Where(p => p.Channel == channel && p.Body["thread_ts"] is null).Reverse());
    }

    /// <summary>A thread's parent, then its replies, oldest first, as <c>conversations.replies</c> lists them.</summary>
    private IResult Replies(JsonObject body)
    {
        var channel = body["channel"]?.GetValue<string>();
        var thread = body["ts"]?.GetValue<string>();
        return Page(body, posted.Where(p => p.Channel == channel && (p.Ts == thread || p.Body["thread_ts"]?.GetValue<string>() == thread)));
    }

    private IResult Page(JsonObject body, IEnumerable<(string Channel, string Ts, JsonObject Body)> listed)
    {
        var withMetadata = body["include_all_metadata"]?.ToString() is "true" or "True";
        var size = Math.Min(MaxPageSize, int.TryParse(body["limit"]?.ToString(), out var limit) ? limit : 100);
        var from = int.TryParse(body["cursor"]?.ToString(), out var cursor) ? cursor : 0;
        var all = listed.ToList();
        var messages = all.Skip(from).Take(size).Select(p =>
        {
            var message = new JsonObject { ["type"] = "message", ["ts"] = p.Ts, ["text"] = p.Body["text"]?.DeepClone(), ["app_id"] = SlackPayloads.AppId };
            if (withMetadata && p.Body["metadata"] is { } metadata)
            {
                message["metadata"] = metadata.DeepClone();
            }

            return message;
        });
        var next = from + size < all.Count ? (from + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        return Results.Json(new JsonObject
        {
            ["ok"] = true,
            ["messages"] = new JsonArray([.. messages]),
            ["has_more"] = next != "",
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        });
    }
}
