namespace IncidentBot.Tests.Support;

/// <summary>
/// Waits for something the bot does in the background (its inbox and outbox workers). The limit is a safety net
/// for a broken build, not a performance assertion: on success it returns as soon as the condition holds.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static async Task<T> Get<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? Limit);
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(25);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Gave up waiting {(limit ?? Limit).TotalSeconds} s for {what}; last seen: {last}");
        return last;
    }

    public static Task<T> Get<T>(Func<T> probe, Func<T, bool> done, string what, TimeSpan? limit = null) =>
        Get(() => Task.FromResult(probe()), done, what, limit);
}
