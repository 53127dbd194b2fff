namespace IncidentBot.Core.Tests.Paging;

/// <summary>A small team across time zones. At Monday 2026-11-23 13:00 UTC: Alice (Berlin, 14:00) is working, Amir
/// (Kolkata, 18:30) has finished, Bob (New York, 08:00) is working, Carol (London) is working, Dave is on leave.</summary>
internal static class Registries
{
    public static readonly DateTimeOffset MondayAfternoon = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);

    public const string Team = """
        people:
          - id: alice
            name: Alice
            slack: U0ALICE
            timezone: Europe/Berlin
            hours: "09:00-17:30"
          - id: amir
            name: Amir
            timezone: Asia/Kolkata
            hours: "09:00-18:00"
          - id: bob
            name: Bob
            timezone: America/New_York
            hours: "07:00-16:00"
          - id: carol
            name: Carol
            timezone: Europe/London
            hours: "08:00-18:00"
          - id: dave
            name: Dave
            timezone: Europe/Berlin
            hours: "09:00-17:00"
            out_of_office:
              - { from: 2026-11-20, to: 2026-11-27 }
        areas:
          - key: payments
            name: Payments
            keywords: [checkout, stripe]
            primary: [alice, amir]
            secondary: [bob]
            pagerduty_routing_key: R0PAYMENTS
          - key: bookings
            name: Bookings
            keywords: [calendar]
            primary: [dave]
            secondary: [bob]
        deciders: [carol]
        prod_access: [carol]
        """;
}
