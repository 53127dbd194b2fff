namespace IncidentBot.Delivery;

/// <summary>Processes stored inbound requests of one platform. Throwing means "try again later".</summary>
internal interface IInboxHandler
{
    string Platform { get; }

    Task Handle(InboxItem item, CancellationToken ct);
}
