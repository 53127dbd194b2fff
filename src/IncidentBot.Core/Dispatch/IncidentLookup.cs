using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Dispatch;

/// <summary>
/// Which incident a command is about: the one it names, else the one whose thread it was given in, else the only
/// open one. Otherwise the answer says what to write instead.
/// </summary>
public sealed class IncidentLookup(IIncidentStore store)
{
    public async Task<(Incident? Incident, string? Problem)> Find(CommandContext context, long? named, string verb, CancellationToken ct)
    {
        if (named is { } number)
        {
            return await store.Find(number, ct) is { } incident
                ? (incident, null)
                : (null, $"There is no incident {IncidentId.Format(number)}.");
        }

        if (context.ThreadId is { } thread && await store.FindByThread(context.Platform, context.Channel, thread, ct) is { } inThread)
        {
            return (inThread, null);
        }

        var open = await store.List(openOnly: true, ct);
        return open.Count switch
        {
            1 => (open[0], null),
            0 => (null, "No incident is open."),
            _ => (null, $"{open.Count} incidents are open ({string.Join(", ", open.Select(i => i.Id))}): say which, as in '{verb} {open[0].Id}'."),
        };
    }
}
