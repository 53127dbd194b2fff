using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Replies;

namespace IncidentBot.Local;

/// <summary>
/// One person at a terminal: lines starting with <c>/outage</c> are commands, any other line is a reply in the
/// thread of the incident declared last (or named with <c>/thread INC-n</c>).
/// </summary>
internal sealed class TerminalSession(IServiceProvider services, TextReader input, TextWriter output)
{
    private const string Channel = "terminal";
    private const string User = "you";

    private readonly InProcessChat chat = services.GetRequiredService<InProcessChat>();
    private readonly IncidentCommands commands = services.GetRequiredService<IncidentCommands>();
    private readonly ThreadReplies replies = services.GetRequiredService<ThreadReplies>();
    private readonly IIncidentStore store = services.GetRequiredService<IIncidentStore>();
    private readonly TimeProvider clock = services.GetRequiredService<TimeProvider>();
    private string? currentThread;

    public async Task Run(CancellationToken ct)
    {
        chat.Posted += Show;
        await output.WriteLineAsync("IncidentBot terminal chat. Try: /outage Checkout API returns 500s area:payments sev:1");
        await output.WriteLineAsync("Other lines are replies in the current [Outage] thread; /thread INC-n switches, /quit leaves.");
        try
        {
            while (await input.ReadLineAsync(ct) is { } line && line.Trim() != "/quit")
            {
                await Handle(line.Trim(), ct);
            }
        }
        finally
        {
            chat.Posted -= Show;
        }
    }

    private async Task Handle(string line, CancellationToken ct)
    {
        var requestKey = "terminal:" + Guid.NewGuid().ToString("N");
        if (line.Length == 0)
        {
            return;
        }

        if (line.StartsWith("/thread", StringComparison.Ordinal))
        {
            await SwitchThread(line["/thread".Length..].Trim(), ct);
        }
        else if (line.StartsWith("/outage", StringComparison.Ordinal))
        {
            var context = new CommandContext(InProcessChat.PlatformName, requestKey, Channel, currentThread, User, User);
            await commands.Run(context, line["/outage".Length..], ct);
        }
        else if (currentThread is null)
        {
            await output.WriteLineAsync("No thread yet: declare an outage with /outage <summary> first.");
        }
        else
        {
            await replies.Record(new ThreadMessage(InProcessChat.PlatformName, Channel, currentThread, requestKey, User, line, clock.GetUtcNow()), ct);
        }
    }

    private async Task SwitchThread(string id, CancellationToken ct)
    {
        var incident = IncidentId.TryParse(id, out var number) ? await store.Find(number, ct) : null;
        if (incident?.Thread is { Platform: InProcessChat.PlatformName, Id: { } thread })
        {
            currentThread = thread;
            await output.WriteLineAsync($"Now in the thread of {incident.Id}.");
        }
        else
        {
            await output.WriteLineAsync($"'{id}' is not an incident declared in the terminal.");
        }
    }

    private void Show(PostedMessage posted)
    {
        if (!posted.Private && posted.Message.Heading?.StartsWith(ThreadRoot.TitlePrefix, StringComparison.Ordinal) == true)
        {
            currentThread = posted.ThreadId;
        }

        var where = posted.Private ? "(only you)" : $"[{posted.ThreadId ?? posted.Channel}]";
        var stamp = clock.GetUtcNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        output.WriteLine($"{stamp} IncidentBot {where}: {posted.Message.ToPlainText().Replace("\n", "\n    ", StringComparison.Ordinal)}");
    }
}
