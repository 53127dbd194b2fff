using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Support;

internal static class Timelines
{
    /// <summary>
    /// Whether the incident (as <c>GET /api/incidents/{id}</c> shows it) has an entry of this kind. Tests wait on the
    /// entry itself: the state it describes (an owner, a status) is stored a moment before the entry is appended.
    /// </summary>
    public static bool HasEntry(JsonObject? incident, string kind) =>
        incident?["timeline"]?.AsArray().Any(e => e!["kind"]!.GetValue<string>() == kind) == true;

    /// <summary>How many entries of this kind the incident has.</summary>
    public static int Count(JsonObject? incident, string kind) =>
        incident?["timeline"]?.AsArray().Count(e => e!["kind"]!.GetValue<string>() == kind) ?? 0;
}
