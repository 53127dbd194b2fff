using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Authorization;

/// <summary>
/// One person per role, known on every platform: Alice declares (and so owns) INC-1 about payments, which pages
/// Paula; Dana decides; Pete has production access; Mo is a member with no role; Gus is a guest nobody registered.
/// </summary>
internal static class Team
{
    public const string Registry = """
        people:
          - { id: alice, name: Alice, slack: U0ALICE, teams: "29:alice" }
          - { id: paula, name: Paula, slack: U0PAULA, teams: "29:paula" }
          - { id: dana, name: Dana, slack: U0DANA, teams: "29:dana" }
          - { id: pete, name: Pete, slack: U0PETE, teams: "29:pete" }
          - { id: mo, name: Mo, slack: U0MO, teams: "29:mo" }
        areas:
          - { key: payments, name: Payments, keywords: [checkout], primary: [paula], secondary: [] }
        deciders: [dana]
        prod_access: [pete]
        """;

    public static readonly string[] Platforms = ["slack", "teams", "local"];

    /// <summary>How <paramref name="platform"/> names the person with registry id <paramref name="id"/> in commands.</summary>
    public static string Handle(string platform, string id) => platform switch
    {
        "slack" => $"<@U0{id.ToUpperInvariant()}>",
        "teams" => $"<@29:{id}>",
        _ => id,
    };

    /// <summary>The harness with INC-1 declared by Alice in C-ops, Paula paged, and Gus a guest.</summary>
    public static async Task<CoreHarness> WithIncident(string platform)
    {
        var core = new CoreHarness(Registry, platform: platform);
        core.Directory.Guests.Add(Handle(platform, "gus"));
        await core.Run("Checkout down area:payments", core.Context(user: Handle(platform, "alice")));
        return core;
    }
}
