using System.Collections.Concurrent;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Support;

/// <summary>A platform's people as a test sets them: guests, people the platform cannot vouch for, channel members, names.</summary>
internal sealed class TestDirectory(string platform) : IPeopleDirectory
{
    public HashSet<string> Guests { get; } = [];

    public HashSet<string> Unreachable { get; } = [];

    /// <summary>Channel to its members; a channel not here has everyone in it.</summary>
    public Dictionary<string, HashSet<string>> ChannelMembers { get; } = [];

    public Dictionary<string, string> Names { get; } = [];

    public string Platform => platform;

    public Task<Standing> StandingOf(CommandContext context, CancellationToken ct) => Task.FromResult(
        Unreachable.Contains(context.User) ? Standing.Unknown : Guests.Contains(context.User) ? Standing.Guest : Standing.Member);

    public Task<bool?> IsInChannelOf(CommandContext context, Incident incident, CancellationToken ct) => Task.FromResult<bool?>(
        !ChannelMembers.TryGetValue(incident.Thread.Channel, out var members) || members.Contains(context.User));

    public Task<string?> NameOf(CommandContext context, string handle, CancellationToken ct) => Task.FromResult(Names.GetValueOrDefault(handle));
}

/// <summary>The refusals the core logged, as (act, user).</summary>
internal sealed class RecordingRefusals : IRefusalLog
{
    public ConcurrentQueue<(string Act, string User, Standing Standing)> Entries { get; } = new();

    public void Refused(string platform, string user, string act, string? incident, Standing standing) => Entries.Enqueue((act, user, standing));
}
