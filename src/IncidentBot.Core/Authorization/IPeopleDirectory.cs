using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Authorization;

/// <summary>
/// What a chat platform knows about the people on it: who is a guest, who is in a channel, what they are called.
/// When the platform does not answer at all (an outage, rate limits) the look-ups throw
/// <see cref="DirectoryUnavailableException"/>: the request is then tried again later, neither allowed unchecked nor lost.
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>The platform's name, as on <see cref="IChatPlatform.Name"/>.</summary>
    string Platform { get; }

    /// <summary>Whether the sender of <paramref name="context"/> is a full member, a guest, or could not be told.</summary>
    Task<Standing> StandingOf(CommandContext context, CancellationToken ct);

    /// <summary>Whether the sender of <paramref name="context"/> is in the channel of <paramref name="incident"/>'s thread; null when the platform could not tell.</summary>
    Task<bool?> IsInChannelOf(CommandContext context, Incident incident, CancellationToken ct);

    /// <summary>How the person behind <paramref name="handle"/> (a mention in user text) is named; null when unknown.</summary>
    Task<string?> NameOf(CommandContext context, string handle, CancellationToken ct);
}

/// <summary>The platform did not answer a look-up; the request that needed it should be tried again later.</summary>
public sealed class DirectoryUnavailableException(string message) : Exception(message);

public enum Standing
{
    Member,
    Guest,

    /// <summary>The platform answered but does not know the sender: nothing that needs a member is allowed.</summary>
    Unknown,
}

/// <summary>The directories of the platforms that are switched on, by platform name.</summary>
public sealed class PeopleDirectories(IEnumerable<IPeopleDirectory> directories)
{
    private readonly Dictionary<string, IPeopleDirectory> byPlatform = directories.ToDictionary(d => d.Platform, StringComparer.Ordinal);

    public IPeopleDirectory this[string platform] =>
        byPlatform.TryGetValue(platform, out var directory)
            ? directory
            : throw new InvalidOperationException($"Chat platform '{platform}' has no people directory.");
}

/// <summary>
/// The terminal and the core's tests: one trusted person at the keyboard, so everyone is a member and in every
/// channel; names come from the registry.
/// </summary>
public sealed class TrustingDirectory(string platform, Roster roster) : IPeopleDirectory
{
    public string Platform => platform;

    public Task<Standing> StandingOf(CommandContext context, CancellationToken ct) => Task.FromResult(Standing.Member);

    public Task<bool?> IsInChannelOf(CommandContext context, Incident incident, CancellationToken ct) => Task.FromResult<bool?>(true);

    public Task<string?> NameOf(CommandContext context, string handle, CancellationToken ct) =>
        Task.FromResult(roster.Registry.FindPerson(handle)?.Name);
}
