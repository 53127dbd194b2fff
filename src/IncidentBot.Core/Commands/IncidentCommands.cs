using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Commands;

/// <summary>Runs a command from any platform: parses it, hands it to its use case, answers the sender.</summary>
public sealed class IncidentCommands(ChatPlatforms platforms, DeclareIncident declare, ListIncidents list)
{
    /// <summary>
    /// What to answer the moment a command arrives, before it is processed (Slack's slash commands want an
    /// answer within 3 s). Help and usage need nothing stored, so they are final; anything else is a receipt.
    /// </summary>
    public static CommandReceipt Receive(string? text, string commandPrefix) => CommandParser.Parse(text) switch
    {
        HelpCommand => new(Usage.Help(commandPrefix), IsFinal: true),
        InvalidCommand invalid => new(Usage.For(invalid, commandPrefix), IsFinal: true),
        DeclareCommand declare => new($"Declaring {ThreadRoot.TitlePrefix}{declare.Summary} ...", IsFinal: false),
        _ => new("Working on it ...", IsFinal: false),
    };

    /// <summary>Runs the command. <c>answeredAtReceipt</c> is true when the sender already has the <see cref="Receive"/> answer.</summary>
    public async Task Execute(CommandContext context, string? text, bool answeredAtReceipt, CancellationToken ct)
    {
        var platform = platforms[context.Platform];
        var command = CommandParser.Parse(text);
        switch (command)
        {
            case HelpCommand or InvalidCommand when answeredAtReceipt:
                return;
            case HelpCommand:
                await Answer(Usage.Help(platform.CommandPrefix));
                return;
            case InvalidCommand invalid:
                await Answer(Usage.For(invalid, platform.CommandPrefix));
                return;
            case DeclareCommand declareCommand:
                await declare.Run(context, declareCommand, ct);
                return;
            case ListCommand:
                await Answer(await list.Describe(ct));
                return;
            default:
                var verb = command.GetType().Name.Replace("Command", "", StringComparison.Ordinal).ToLowerInvariant();
                await Answer($"'{verb}' is not available in this version yet: it declares incidents and keeps their timelines.");
                return;
        }

        Task Answer(string message) => platform.Answer(context, new ChatMessage($"{context.RequestKey}:answer", message), ct);
    }
}

public sealed record CommandReceipt(string Answer, bool IsFinal);
