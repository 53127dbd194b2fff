using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Registry;
using IncidentBot.Hosting;

namespace IncidentBot.Local;

/// <summary>
/// <c>dotnet run --project src/IncidentBot -- chat</c>: the same core and database, with the terminal as the chat
/// platform, so anyone can declare an outage and reply in its thread without a Slack workspace.
/// </summary>
internal static class TerminalChat
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "chat";

    /// <summary>The terminal as the chat platform: its messages and people, who are whoever types (no directory to ask).</summary>
    public static IServiceCollection AddTerminal(this IServiceCollection services)
    {
        services.AddSingleton<InProcessChat>();
        services.AddSingleton<IChatPlatform>(provider => provider.GetRequiredService<InProcessChat>());
        return services.AddSingleton<IPeopleDirectory>(provider => new TrustingDirectory(InProcessChat.PlatformName, provider.GetRequiredService<Roster>()));
    }

    public static async Task<int> Run(string[] args, TextReader input, TextWriter output)
    {
        var builder = Host.CreateApplicationBuilder(args[1..]);
        builder.Configuration.AddBuildOutputSettings();
        // The terminal is the chat window: only warnings and errors may interrupt it.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        // Handoff nags appear in the terminal thread ('accept' takes a handoff: every button has its command here);
        // status updates reach the stakeholder channels and Statuspage from here too, the status page needs the server.
        builder.Services.AddIncidentHandling(builder.Configuration);
        builder.Services.AddTerminal();

        using var host = builder.Build();
        await host.StartAsync();
        await new TerminalSession(host.Services, input, output).Run(CancellationToken.None);
        await host.StopAsync();
        return 0;
    }
}
