using IncidentBot.Api;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using Microsoft.Extensions.Options;

namespace IncidentBot.Dashboard.Access;

/// <summary>
/// The chat rules, applied to someone on the dashboard. A person signed in through OpenID Connect is the registry
/// person with their e-mail address, and is checked by <see cref="Permissions"/> exactly as if they had typed the
/// command on the incident's platform (so a private incident shows only to its channel's members and the deciders).
/// Someone the registry does not know may read what is not private and do nothing. The operator (signed in with
/// <c>Api:Token</c>) holds the key to the whole bot already: they may act, and see private incidents when
/// <c>Api:ShowPrivateIncidents</c> lets the API show them, the same as the JSON API.
/// </summary>
internal sealed class DashboardPermissions(Roster roster, Permissions permissions, ChatPlatforms platforms, IOptions<ApiOptions> api)
{
    public Person? PersonOf(DashboardUser user) => user.Email is { Length: > 0 } email
        ? roster.Registry.People.Values.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase))
        : null;

    public async Task<bool> MaySee(DashboardUser user, Incident incident, CancellationToken ct) =>
        !incident.IsPrivate || await Refusal(user, Acts.Timeline, incident, ct) is null;

    /// <summary>Null when <paramref name="user"/> may do <paramref name="act"/> on <paramref name="incident"/>; otherwise why not.</summary>
    public async Task<string?> Refusal(DashboardUser user, string act, Incident incident, CancellationToken ct)
    {
        if (user.IsOperator)
        {
            return act == Acts.Timeline && incident.IsPrivate && !api.Value.ShowPrivateIncidents
                ? $"{incident.Id} is private; Api:ShowPrivateIncidents=true opens private incidents to the API token."
                : null;
        }

        if (PersonOf(user) is not { } person)
        {
            return $"Your sign-in e-mail ({user.Email ?? "none given"}) is not in the expertise registry, so the dashboard cannot tell what you may do.";
        }

        if (!platforms.Has(incident.Thread.Platform))
        {
            return $"{incident.Id} lives on {incident.Thread.Platform}, which is not switched on here, so who may cannot be checked.";
        }

        try
        {
            return await permissions.Refusal(ContextOf(person, incident, "check"), act, incident, ct);
        }
        catch (DirectoryUnavailableException)
        {
            return $"{incident.Thread.Platform} did not answer whether you may; try again in a moment.";
        }
    }

    /// <summary>
    /// The command context a use case sees for this user: the person's handle on the incident's platform, so the timeline
    /// names them as chat would. <paramref name="requestKey"/> makes a repeated form post harmless.
    /// </summary>
    public CommandContext ContextOf(DashboardUser user, Incident incident, string requestKey) =>
        PersonOf(user) is { } person ? ContextOf(person, incident, requestKey) : OperatorContext(incident, requestKey);

    private CommandContext ContextOf(Person person, Incident incident, string requestKey)
    {
        var handle = platforms.Has(incident.Thread.Platform) ? platforms[incident.Thread.Platform].Handle(person) : null;
        var user = handle is not null && handle.StartsWith("<@", StringComparison.Ordinal) && handle.EndsWith('>') ? handle[2..^1] : handle;
        return new CommandContext(incident.Thread.Platform, "dashboard:" + requestKey, incident.Thread.Channel, incident.Thread.Id, user ?? person.Id, "dashboard");
    }

    private static CommandContext OperatorContext(Incident incident, string requestKey) =>
        new(incident.Thread.Platform, "dashboard:" + requestKey, incident.Thread.Channel, incident.Thread.Id, DashboardUser.OperatorName, "dashboard");
}
