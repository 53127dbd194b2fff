using System.Globalization;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Replies;

/// <summary>
/// Adds a message from anywhere (Slack's "Add to incident timeline" message shortcut) to an open incident's timeline,
/// chosen in a form: a <c>message</c> entry by the message's author, at its time, with a link to it and who added it.
/// It is allowed to whoever could have replied in the incident's thread, the members of its channel, as a thread reply
/// is; only those incidents are offered, and the choice is checked again when the form is submitted.
/// </summary>
public sealed class AddToTimeline(IIncidentStore incidents, PeopleDirectories directories, ChatPlatforms platforms)
{
    public const string FormId = "timeline-add";
    public const string IncidentField = "incident";

    public async Task Offer(CommandContext context, QuotedMessage message, CancellationToken ct)
    {
        var choices = new List<Incident>();
        foreach (var incident in await incidents.List(openOnly: true, ct))
        {
            if (await MayAdd(context, incident, ct))
            {
                choices.Add(incident);
            }
        }

        if (choices.Count == 0)
        {
            await Answer(context, "No open incident to add it to: only the members of an open incident's channel can add to its timeline.", ct);
            return;
        }

        var options = choices.Select(i => (Number(i), $"{i.Id} {i.Title}")).ToList();
        var form = new ChatForm(FormId, "Add to timeline", "Add", message.Serialize(), [new(IncidentField, "Incident", Required: true, Options: options)]);
        if (!await platforms[context.Platform].OpenForm(context, form, ct))
        {
            await Answer(context, "The form could not be opened in time; use the shortcut again.", ct);
        }
    }

    /// <summary>Adds the message to the chosen incident; the same message is added to an incident once.</summary>
    public async Task Submit(CommandContext context, QuotedMessage message, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        var chosen = values.GetValueOrDefault(IncidentField);
        if (!long.TryParse(chosen, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || await incidents.Find(number, ct) is not { } incident)
        {
            await Answer(context, "That incident is not one this bot knows; nothing was added.", ct);
            return;
        }

        if (!incident.IsOpen || !await MayAdd(context, incident, ct))
        {
            var why = !incident.IsOpen ? $"{incident.Id} is resolved" : $"only the members of {incident.Id}'s channel can add to its timeline";
            await Answer(context, $"Nothing was added: {why}.", ct);
            return;
        }

        var source = message.Link is { } link ? $"from {link}" : $"from a message in {message.Channel}";
        var entry = new TimelineEntry(message.At, TimelineKind.Message, message.Author, $"{message.Text}\n({source}, added by {context.User})", $"quoted:{message.Channel}:{message.MessageId}");
        var added = await incidents.Append(incident.Number, entry, ct);
        await Answer(context, added ? $"Added to {incident.Id}'s timeline." : $"That message is on {incident.Id}'s timeline already.", ct);
    }

    private async Task<bool> MayAdd(CommandContext context, Incident incident, CancellationToken ct) =>
        incident.Thread.Platform == context.Platform && await directories[context.Platform].IsInChannelOf(context, incident, ct) == true;

    private Task Answer(CommandContext context, string text, CancellationToken ct) =>
        platforms[context.Platform].Answer(context, new ChatMessage($"{context.RequestKey}:answer", text, Private: true), ct);

    private static string Number(Incident incident) => incident.Number.ToString(CultureInfo.InvariantCulture);
}
