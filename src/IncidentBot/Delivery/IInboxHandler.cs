namespace IncidentBot.Delivery;

/// <summary>Processes stored inbound requests of one platform. Throwing means "try again later".</summary>
internal interface IInboxHandler
{
    string Platform { get; }

    Task Handle(InboxItem item, CancellationToken ct);

    /// <summary>
    /// Handles the first requests of a run of one thread's requests (oldest first) together, when the platform can do
    /// them in one go (a burst of thread replies appended in one transaction); returns how many it handled. 0 leaves
    /// them all to <see cref="Handle"/>, one at a time; throwing means none of them was handled.
    /// </summary>
    Task<int> HandleTogether(IReadOnlyList<InboxItem> run, CancellationToken ct) => Task.FromResult(0);
}
