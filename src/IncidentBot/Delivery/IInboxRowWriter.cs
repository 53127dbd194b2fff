namespace IncidentBot.Delivery;

/// <summary>Writes one batch of inbox rows in one transaction, each store its own way (see <see cref="InboxBatches"/>).</summary>
internal interface IInboxRowWriter
{
    /// <summary>
    /// Per row, its new id, or null when one of its keys was stored before or belongs to an earlier row of the batch
    /// (<see cref="InboxDedupe"/>). Throws, with nothing stored, when the transaction fails.
    /// </summary>
    Task<long?[]> Store(IReadOnlyList<NewInboxRow> rows, CancellationToken ct);
}
