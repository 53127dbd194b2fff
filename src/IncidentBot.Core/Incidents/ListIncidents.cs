namespace IncidentBot.Core.Incidents;

/// <summary><c>/outage list</c>: the open incidents, newest first.</summary>
public sealed class ListIncidents(IIncidentStore store)
{
    public async Task<string> Describe(CancellationToken ct)
    {
        var open = await store.List(openOnly: true, ct);
        if (open.Count == 0)
        {
            return "No incident is open.";
        }

        var lines = open.Select(i =>
            $"{i.Id} {ThreadRoot.TitlePrefix}{i.Title} ({i.Status}{(i.Severity is { } s ? $", SEV-{s}" : "")}, since {ThreadRoot.FormatUtc(i.DeclaredAt)}, owner {i.Owner ?? "nobody"})");
        return $"{open.Count} open:\n" + string.Join('\n', lines);
    }
}
