using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Search;
using IncidentBot.Core.Timeline;
using NodaTime;

namespace IncidentBot.Core.Tests.Support;

/// <summary>The store ports kept in memory, for core tests only; the host's SQL stores have their own tests.</summary>
internal sealed class MemoryIncidentStore : IIncidentStore, IPagingStore, IAbsences, IIncidentSearch
{
    /// <summary>Every word a whole word of the title, root cause, verification or a live entry; newest first.</summary>
    public Task<IReadOnlyList<Incident>> Search(IReadOnlyList<string> words, int limit, CancellationToken ct) =>
        SearchWhere(tokens => words.All(tokens.Contains), limit);

    /// <summary>Any word a whole word of the document; newest first.</summary>
    public Task<IReadOnlyList<Incident>> SearchAny(IReadOnlyList<string> words, int limit, CancellationToken ct) =>
        SearchWhere(tokens => words.Any(tokens.Contains), limit);

    private Task<IReadOnlyList<Incident>> SearchWhere(Func<HashSet<string>, bool> matches, int limit)
    {
        lock (gate)
        {
            bool Matches(Incident i)
            {
                var text = string.Join(' ', timelines[i.Number].Where(e => !e.Deleted).Select(e => e.Text).Prepend(i.Verification).Prepend(i.RootCause).Prepend(i.Title));
                return matches(SearchIncidents.Words(text).ToHashSet());
            }

            return Task.FromResult<IReadOnlyList<Incident>>([.. incidents.Where(Matches).OrderByDescending(i => i.Number).Take(limit)]);
        }
    }

    private readonly Dictionary<long, int> escalation = [];
    private readonly Dictionary<string, Away> away = [];

    private readonly List<Incident> incidents = [];
    private readonly Dictionary<long, List<TimelineEntry>> timelines = [];
    private readonly Dictionary<string, long> byRequest = [];
    private readonly Dictionary<long, string> alertKeys = [];
    private readonly Lock gate = new();

    public Task<Incident> Create(NewIncident draft, TimelineEntry declared, CancellationToken ct)
    {
        lock (gate)
        {
            if (byRequest.TryGetValue(draft.RequestKey, out var existing))
            {
                return Task.FromResult(incidents.Single(i => i.Number == existing));
            }

            var incident = new Incident(
                incidents.Count + 1, draft.Title, IncidentStatus.Investigating, draft.Severity, draft.Area, draft.Owner,
                draft.DeclaredBy, draft.DeclaredAt, null, new ChatThread(draft.Platform, draft.Channel, null), ImpactStartedAt: draft.ImpactStartedAt, IsPrivate: draft.IsPrivate);
            if (draft.AlertKey is { } alertKey)
            {
                alertKeys[incident.Number] = alertKey;
            }

            incidents.Add(incident);
            byRequest[draft.RequestKey] = incident.Number;
            timelines[incident.Number] = [declared];
            return Task.FromResult(incident);
        }
    }

    public Task<Incident?> Find(long number, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult(incidents.FirstOrDefault(i => i.Number == number));
        }
    }

    public Task<Incident?> FindByThread(string platform, string channel, string threadId, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult(incidents.FirstOrDefault(i => i.Thread == new ChatThread(platform, channel, threadId)));
        }
    }

    public Task<IReadOnlyList<Incident>> List(bool openOnly, CancellationToken ct)
    {
        lock (gate)
        {
            IReadOnlyList<Incident> list = incidents.Where(i => !openOnly || i.IsOpen).OrderByDescending(i => i.Number).ToList();
            return Task.FromResult(list);
        }
    }

    public Task SetThreadId(long number, string threadId, CancellationToken ct)
    {
        lock (gate)
        {
            return Update(number, i => i with { Thread = i.Thread with { Id = threadId } });
        }
    }

    /// <summary>How many of the next appends of several entries fail as a database that went away would.</summary>
    public int AppendFaults { get; set; }

    public async Task<int> AppendAll(long number, IReadOnlyList<TimelineEntry> entries, CancellationToken ct)
    {
        if (AppendFaults > 0)
        {
            AppendFaults--;
            throw new InvalidOperationException("the database went away");
        }

        var added = 0;
        foreach (var entry in entries)
        {
            added += await Append(number, entry, ct) ? 1 : 0;
        }

        return added;
    }

    public Task<bool> Append(long number, TimelineEntry entry, CancellationToken ct)
    {
        lock (gate)
        {
            var timeline = timelines[number];
            if (timeline.Any(e => e.SourceId == entry.SourceId))
            {
                return Task.FromResult(false);
            }

            timeline.Add(entry);
            return Task.FromResult(true);
        }
    }

    /// <summary>How many times a whole timeline, what people wrote included, was read: a button press should not need to.</summary>
    public int TimelineReads { get; private set; }

    public Task<bool> HasEntry(long number, string sourceId, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult(timelines[number].Any(e => e.SourceId == sourceId));
        }
    }

    public Task<DateTimeOffset?> LastMessageAt(long number, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult(timelines[number].Where(e => e.Kind == TimelineKind.Message && !e.Deleted).Select(e => (DateTimeOffset?)e.At).Max());
        }
    }

    public Task<IReadOnlyList<TimelineEntry>> Timeline(long number, CancellationToken ct)
    {
        lock (gate)
        {
            TimelineReads++;
            return Ordered(timelines[number]);
        }
    }

    public Task<IReadOnlyList<TimelineEntry>> BotEntries(long number, CancellationToken ct)
    {
        lock (gate)
        {
            return Ordered(timelines[number].Where(e => e.Kind != TimelineKind.Message));
        }
    }

    private static Task<IReadOnlyList<TimelineEntry>> Ordered(IEnumerable<TimelineEntry> entries) =>
        Task.FromResult<IReadOnlyList<TimelineEntry>>([.. entries.OrderBy(e => e.At)]);

    public Task<bool> Edit(long number, string sourceId, string text, DateTimeOffset editedAt, CancellationToken ct) =>
        Replace(number, sourceId, e => e with { Text = text, EditedAt = editedAt }, e => e.EditedAt is null || e.EditedAt <= editedAt);

    /// <summary>How many of the next deletions fail as a database that went away would.</summary>
    public int DeletionFaults { get; set; }

    public Task<bool> MarkDeleted(long number, string sourceId, CancellationToken ct)
    {
        if (DeletionFaults > 0)
        {
            DeletionFaults--;
            throw new InvalidOperationException("the database went away");
        }

        return Replace(number, sourceId, e => e with { Deleted = true });
    }

    public Task<bool> MarkKey(long number, string sourceId, bool key, CancellationToken ct) =>
        Replace(number, sourceId, e => e with { Key = key });

    public async Task<bool> MarkKeyByMessage(string platform, string channel, string messageId, bool key, CancellationToken ct)
    {
        List<long> inChannel;
        lock (gate)
        {
            inChannel = incidents.Where(i => i.Thread.Platform == platform && i.Thread.Channel == channel).Select(i => i.Number).ToList();
        }

        var marked = false;
        foreach (var number in inChannel)
        {
            marked |= await MarkKey(number, messageId, key, ct);
        }

        return marked;
    }

    public Task SetSeverity(long number, int severity, CancellationToken ct) => Update(number, i => i with { Severity = severity });

    public Task SetImpactStart(long number, DateTimeOffset at, CancellationToken ct) => Update(number, i => i with { ImpactStartedAt = at });

    public Task<IReadOnlyList<Incident>> ForAlert(string alertKey, CancellationToken ct)
    {
        lock (gate)
        {
            IReadOnlyList<Incident> list = incidents.Where(i => alertKeys.GetValueOrDefault(i.Number) == alertKey).ToList();
            return Task.FromResult(list);
        }
    }

    public Task SetResolution(long number, string verification, string? rootCause, string? resolution, CancellationToken ct) =>
        Update(number, i => i with { Verification = verification, RootCause = rootCause ?? i.RootCause, Resolution = resolution ?? i.Resolution });

    public Task SetPostmortemText(long number, string? impact, string? rootCause, string? resolution, CancellationToken ct) =>
        Update(number, i => i with { Impact = impact, RootCause = rootCause, Resolution = resolution });

    public Task SetRootCause(long number, string rootCause, CancellationToken ct) => Update(number, i => i with { RootCause = rootCause });

    private Task<bool> Replace(long number, string sourceId, Func<TimelineEntry, TimelineEntry> change, Func<TimelineEntry, bool>? applies = null)
    {
        lock (gate)
        {
            var timeline = timelines[number];
            var index = timeline.FindIndex(e => e.SourceId == sourceId && (applies is null || applies(e)));
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            timeline[index] = change(timeline[index]);
            return Task.FromResult(true);
        }
    }

    public Task<bool> Resolve(long number, DateTimeOffset at, CancellationToken ct)
    {
        lock (gate)
        {
            if (incidents.Single(i => i.Number == number).Status == IncidentStatus.Resolved)
            {
                return Task.FromResult(false);
            }

            return Update(number, i => i with { Status = IncidentStatus.Resolved, ResolvedAt = at }).ContinueWith(_ => true, ct);
        }
    }

    /// <summary>For <see cref="MemoryStatusStore"/>: a resolved incident keeps its status, as in the SQL store.</summary>
    public Task SetPublicTitle(long number, string title) => Update(number, i => i with { PublicTitle = title });

    public Task SetStatus(long number, IncidentStatus status) =>
        Update(number, i => i.Status == IncidentStatus.Resolved ? i : i with { Status = status });

    public Task SetArea(long incidentNumber, string area, CancellationToken ct) => Update(incidentNumber, i => i with { Area = area });

    public Task<bool> Acknowledge(long incidentNumber, string owner, DateTimeOffset at, CancellationToken ct)
    {
        lock (gate)
        {
            var first = incidents.Single(i => i.Number == incidentNumber).AcknowledgedAt is null;
            return first ? Update(incidentNumber, i => i with { Owner = owner, AcknowledgedAt = at }).ContinueWith(_ => true, ct) : Task.FromResult(false);
        }
    }

    public Task SetOwner(long incidentNumber, string owner, DateTimeOffset at, CancellationToken ct) =>
        Update(incidentNumber, i => i with { Owner = owner, AcknowledgedAt = i.AcknowledgedAt ?? at });

    public Task<bool> TryEscalate(long incidentNumber, int level, CancellationToken ct)
    {
        lock (gate)
        {
            if (escalation.GetValueOrDefault(incidentNumber) > level)
            {
                return Task.FromResult(false);
            }

            escalation[incidentNumber] = level;
            return Task.FromResult(true);
        }
    }

    public Task<Away?> AwayStatus(string personId, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult(away.GetValueOrDefault(personId));
        }
    }

    public Task SetAway(string personId, LocalDate? until, DateTimeOffset at, CancellationToken ct)
    {
        lock (gate)
        {
            away[personId] = new Away(until);
            return Task.CompletedTask;
        }
    }

    public Task SetBack(string personId, CancellationToken ct)
    {
        lock (gate)
        {
            away.Remove(personId);
            return Task.CompletedTask;
        }
    }

    private Task Update(long number, Func<Incident, Incident> change)
    {
        lock (gate)
        {
            var index = incidents.FindIndex(i => i.Number == number);
            incidents[index] = change(incidents[index]);
            return Task.CompletedTask;
        }
    }
}
