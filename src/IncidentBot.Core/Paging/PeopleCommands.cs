using IncidentBot.Core.Chat;
using IncidentBot.Core.Home;
using IncidentBot.Core.Registry;
using NodaTime;

namespace IncidentBot.Core.Paging;

/// <summary><c>areas</c>, <c>who &lt;area&gt;</c>, <c>ooo [until date]</c> and <c>back</c>.</summary>
public sealed class PeopleCommands(Roster roster, IAbsences absences, ChatPlatforms platforms, TimeProvider clock, HomeRefresh? home = null)
{
    private const string NoRegistry = "There is no expertise registry (Registry:Path), so there are no areas or owners to show.";

    public async Task<string> Areas(CancellationToken ct)
    {
        var registry = roster.Registry;
        if (registry.Areas.Count == 0)
        {
            return NoRegistry;
        }

        var lines = new List<string>();
        foreach (var area in registry.Areas.Values)
        {
            lines.Add($"{area.Key} ({area.Name}): primary {await Names(area.Primary, ct)}; secondary {await Names(area.Secondary, ct)}");
        }

        return string.Join('\n', lines);
    }

    public async Task<string> Who(string areaKey, CancellationToken ct)
    {
        var registry = roster.Registry;
        if (!registry.Areas.TryGetValue(areaKey, out var area))
        {
            return registry.Areas.Count == 0 ? NoRegistry : $"There is no area '{areaKey}'. Areas: {string.Join(", ", registry.Areas.Keys)}.";
        }

        return string.Join('\n', [
            $"{area.Name} ({area.Key})",
            .. await Lines("Primary", area.Primary, ct),
            .. await Lines("Secondary", area.Secondary, ct),
            .. await Lines("Decide priorities", registry.Deciders, ct),
            .. await Lines("Production access", registry.ProdAccess, ct)]);
    }

    public async Task<string> OutOfOffice(CommandContext context, LocalDate? until, CancellationToken ct)
    {
        if (roster.Registry.FindPerson(context.User) is not { } person)
        {
            return NotInRegistry(context);
        }

        await absences.SetAway(person.Id, until, clock.GetUtcNow(), ct);
        await (home?.Person(context.Platform, context.User, $"ooo:{context.RequestKey}", ct) ?? Task.CompletedTask);
        var howLong = until is { } day ? $"until {day:yyyy-MM-dd}" : "until you say 'back'";
        return $"You are out of office {howLong}; pages skip you.";
    }

    public async Task<string> Back(CommandContext context, CancellationToken ct)
    {
        if (roster.Registry.FindPerson(context.User) is not { } person)
        {
            return NotInRegistry(context);
        }

        await absences.SetBack(person.Id, ct);
        await (home?.Person(context.Platform, context.User, $"back:{context.RequestKey}", ct) ?? Task.CompletedTask);
        return "Welcome back: you can be paged again in your working hours.";
    }

    private string NotInRegistry(CommandContext context) =>
        $"You are not in the expertise registry: ask for an entry with your {platforms[context.Platform].Name} id ({context.User}).";

    private async Task<string> Names(IEnumerable<string> ids, CancellationToken ct)
    {
        var people = await roster.StatusOf(ids, ct);
        return people.Count == 0 ? "nobody" : string.Join(", ", people.Select(p => $"{p.Person.Name}{(p.Status.Available ? " (available)" : "")}"));
    }

    private async Task<IEnumerable<string>> Lines(string title, IEnumerable<string> ids, CancellationToken ct)
    {
        var people = await roster.StatusOf(ids, ct);
        return people.Count == 0
            ? [$"{title}: nobody"]
            : [$"{title}:", .. people.Select(p => $"  {p.Person.Name}: {(p.Status.Available ? "available now" : p.Status.Reason)}")];
    }
}
