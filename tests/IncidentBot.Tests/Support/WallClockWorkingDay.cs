using System.Globalization;

namespace IncidentBot.Tests.Support;

/// <summary>
/// For the tests that run the bot where a <see cref="TestClock"/> cannot reach (its own process, the terminal mode):
/// they live on the machine's clock, so the default working day (<c>Handoff:DefaultHours</c>, in UTC) is made to end
/// ten hours after the test starts, and no end-of-day nag or escalation can fall inside it.
/// </summary>
internal static class WallClockWorkingDay
{
    public const string Setting = "Handoff:DefaultHours";

    /// <summary>An hour ago until ten hours from now, to the minute (<c>HH:mm-HH:mm</c>; it may cross midnight).</summary>
    public static string Hours()
    {
        var now = DateTimeOffset.UtcNow;
        return string.Create(CultureInfo.InvariantCulture, $"{now.AddHours(-1):HH:mm}-{now.AddHours(10):HH:mm}");
    }
}
