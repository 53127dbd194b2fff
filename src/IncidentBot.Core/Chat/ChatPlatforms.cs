namespace IncidentBot.Core.Chat;

/// <summary>The chat platforms that are switched on, by name.</summary>
public sealed class ChatPlatforms(IEnumerable<IChatPlatform> platforms)
{
    private readonly Dictionary<string, IChatPlatform> byName = platforms.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public bool Has(string name) => byName.ContainsKey(name);

    public IChatPlatform this[string name] =>
        byName.TryGetValue(name, out var platform)
            ? platform
            : throw new InvalidOperationException($"Chat platform '{name}' is not switched on.");
}
