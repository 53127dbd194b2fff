namespace IncidentBot.Core.Home;

/// <summary>
/// A platform's page of one's own (Slack's App Home), shown from <see cref="HomeViews"/>. Implementations queue the
/// refresh durably and return, like every other message; a platform without such a page registers none.
/// </summary>
public interface IHomeTabs
{
    /// <summary>The platform's name, as on <see cref="Chat.IChatPlatform.Name"/>.</summary>
    string Platform { get; }

    /// <summary>
    /// Shows the person behind <paramref name="handle"/> their current home page. <paramref name="reason"/> names the
    /// change (<c>INC-4:acknowledged</c>), so the same change processed twice refreshes once. Names that are not a
    /// person on this platform (an alert source as declarer) are skipped.
    /// </summary>
    Task Refresh(string handle, string reason, CancellationToken ct);
}
