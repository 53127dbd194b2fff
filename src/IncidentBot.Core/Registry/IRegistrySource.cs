namespace IncidentBot.Core.Registry;

/// <summary>The registry in force now. The host reloads it when the file changes; a bad edit keeps the last good one.</summary>
public interface IRegistrySource
{
    ExpertiseRegistry Current { get; }
}
