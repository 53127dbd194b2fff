using System.Globalization;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Chat;

/// <summary>
/// The buttons that open an incident's forms, shown by the use cases (runbook, status) and answered by the form
/// dispatcher: the action ids are the contract between them.
/// </summary>
public static class FormButtons
{
    public const string StatusAction = "status-form";
    public const string ResolveAction = "resolve-form";
    public const string RootCauseAction = "rootcause-form";

    /// <summary><paramref name="stage"/> prefills the form with that stage and its usual message.</summary>
    public static ChatButton StatusButton(Incident incident, IncidentStatus? stage = null) =>
        new(StatusAction, "Post a status update", stage is { } s ? $"{Number(incident)}:{s.ToString().ToLowerInvariant()}" : Number(incident), Primary: stage is not null);

    public static ChatButton ResolveButton(Incident incident) => new(ResolveAction, "Resolve", Number(incident), Primary: true);

    private static string Number(Incident incident) => incident.Number.ToString(CultureInfo.InvariantCulture);
}
