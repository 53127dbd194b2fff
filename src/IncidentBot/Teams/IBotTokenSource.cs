namespace IncidentBot.Teams;

/// <summary>
/// The bearer token for calls to the Bot Connector, or null to call without one (Development, AllowUnauthenticated).
/// An interface so tests can stand in for Entra ID, which MSAL insists on reaching over https.
/// </summary>
internal interface IBotTokenSource
{
    Task<string?> Token(CancellationToken ct);
}

/// <summary>No token: the Bot Framework Emulator and local trials, where nothing checks one.</summary>
internal sealed class NoBotToken : IBotTokenSource
{
    public Task<string?> Token(CancellationToken ct) => Task.FromResult<string?>(null);
}
