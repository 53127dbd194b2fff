using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Authorization;

/// <summary>
/// Decides whether the sender of a command, button or form may do an act, by the act's <see cref="Rule"/>. Guests may
/// do nothing (their thread replies are recorded elsewhere, without asking here); a sender the platform could not
/// vouch for is refused too. Every refusal is logged through <see cref="IRefusalLog"/>.
/// </summary>
public sealed class Permissions(
    AuthorizationRules rules, Roster roster, IIncidentStore incidents, PeopleDirectories directories, ChatPlatforms platforms, IRefusalLog log)
{
    /// <summary>True when the sender may not: they alone have been told who may, and the caller does nothing more.</summary>
    public async Task<bool> Refuses(CommandContext context, string act, Incident? incident, CancellationToken ct)
    {
        if (await Refusal(context, act, incident, ct) is not { } refusal)
        {
            return false;
        }

        await platforms[context.Platform].Answer(context, new ChatMessage($"{context.RequestKey}:refused", refusal, Private: true), ct);
        return true;
    }

    /// <summary>Null when allowed; otherwise what to tell the sender, and only them.</summary>
    public async Task<string?> Refusal(CommandContext context, string act, Incident? incident, CancellationToken ct)
    {
        var rule = rules[act];
        var directory = directories[context.Platform];
        var standing = await directory.StandingOf(context, ct);
        var refusal = standing switch
        {
            Standing.Guest => $"Guests can reply in incident threads, but not {Acts.Describe(act)}: {Holders(rule, incident)} can.",
            Standing.Unknown => $"IncidentBot could not confirm with {context.Platform} that you are a member here, so it cannot let you {Acts.Describe(act)} now. Try again in a moment.",
            _ => await Holds(context, rule, incident, directory, ct) ? null : $"Only {Holders(rule, incident)} may {Acts.Describe(act)}.",
        };
        if (refusal is not null)
        {
            log.Refused(context.Platform, context.User, act, incident?.Id, standing);
        }

        return refusal;
    }

    /// <summary>Whether the sender may do the act, asked quietly: for filtering what to show, not for refusing.</summary>
    public async Task<bool> Allows(CommandContext context, string act, Incident incident, CancellationToken ct)
    {
        var directory = directories[context.Platform];
        return await directory.StandingOf(context, ct) == Standing.Member && await Holds(context, rules[act], incident, directory, ct);
    }

    private async Task<bool> Holds(CommandContext context, Rule rule, Incident? incident, IPeopleDirectory directory, CancellationToken ct)
    {
        var registry = roster.Registry;
        var person = registry.FindPerson(context.User);
        if (rule.Roles.Contains(Roles.Members) || (person is not null && rule.People.Contains(person.Id)))
        {
            return true;
        }

        foreach (var role in rule.Roles)
        {
            if (await HoldsRole(role, context, person, incident, directory, registry, ct))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> HoldsRole(
        string role, CommandContext context, Person? person, Incident? incident, IPeopleDirectory directory, ExpertiseRegistry registry, CancellationToken ct)
    {
        if (Roles.NeedsRegistry(role) && registry.IsEmpty)
        {
            // Without a registry nobody is a decider or paged: the person who declared or owns the incident stands in.
            return incident is not null && (Same(incident.Owner, context.User, registry) || Same(incident.DeclaredBy, context.User, registry));
        }

        return role switch
        {
            Roles.Owner => incident is not null && Same(incident.Owner, context.User, registry),
            Roles.Declarer => incident is not null && Same(incident.DeclaredBy, context.User, registry),
            Roles.Deciders => person is not null && registry.Deciders.Contains(person.Id),
            Roles.ProdAccess => person is not null && registry.ProdAccess.Contains(person.Id),
            Roles.Paged => incident is not null && person is not null && (await PagedFor(incident, ct)).Contains(person.Id),
            Roles.ChannelMembers => incident is not null && await directory.IsInChannelOf(context, incident, ct) == true,
            _ => false,
        };
    }

    /// <summary>The registry ids of everyone paged for the incident, from its <c>paged</c> timeline entries.</summary>
    private async Task<HashSet<string>> PagedFor(Incident incident, CancellationToken ct) =>
        (await incidents.BotEntries(incident.Number, ct))
            .Where(e => e.SourceId?.StartsWith(PagedEntries.Prefix, StringComparison.Ordinal) == true)
            .Select(e => PagedEntries.PersonOf(e.SourceId!))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Two handles name the same person when equal, or when the registry knows both as one person.</summary>
    private static bool Same(string? stored, string user, ExpertiseRegistry registry) =>
        stored is not null && (stored == user || (registry.FindPerson(stored) is { } a && registry.FindPerson(user)?.Id == a.Id));

    private string Holders(Rule rule, Incident? incident)
    {
        var registry = roster.Registry;
        var id = incident?.Id ?? "the incident";
        var standIn = registry.IsEmpty && rule.Roles.Any(Roles.NeedsRegistry);
        var roles = rule.Roles.SelectMany(role => standIn && Roles.NeedsRegistry(role) ? [Roles.Owner, Roles.Declarer] : new[] { role })
            .Distinct()
            .Select(role => Roles.Describe(role, id) + Named(role, incident, registry));
        var people = rule.People.Select(p => registry.People.TryGetValue(p, out var known) ? known.Name : p);
        var all = roles.Concat(people).ToList();
        var holders = all.Count <= 1 ? all.FirstOrDefault() ?? "nobody" : $"{string.Join(", ", all[..^1])} or {all[^1]}";
        return standIn ? holders + " (there is no expertise registry, so they stand in for the deciders and the people paged)" : holders;
    }

    private static string Named(string role, Incident? incident, ExpertiseRegistry registry)
    {
        var names = role switch
        {
            Roles.Owner when incident?.Owner is { } owner => [registry.FindPerson(owner)?.Name ?? owner],
            Roles.Deciders => registry.Deciders.Select(d => registry.People[d].Name).ToList(),
            Roles.ProdAccess => registry.ProdAccess.Select(d => registry.People[d].Name).ToList(),
            _ => new List<string>(),
        };
        return names.Count == 0 ? "" : $" ({string.Join(", ", names)})";
    }
}

/// <summary>Where refusals are logged: the sender, the act and the incident, never what they wrote.</summary>
public interface IRefusalLog
{
    void Refused(string platform, string user, string act, string? incident, Standing standing);
}
