using IncidentBot.Core.Registry;
using NodaTime;

namespace IncidentBot.Core.Tests.Registry;

public sealed class RegistryParserTests
{
    private const string Minimal = """
        people:
          - id: alice
            name: Alice Example
            slack: U0ALICE
            teams: 29:1a2b3c
            email: alice@example.com
            timezone: Europe/Berlin
            hours: "09:00-17:30"
            out_of_office:
              - { from: 2027-04-12, to: 2027-04-16 }
              - { from: 2026-12-20, to: 2027-01-03 }
          - id: bob
            name: Bob Baker
        areas:
          - key: payments
            keywords: [Checkout, STRIPE, billing]
            primary: [alice]
            secondary: bob
            pagerduty_routing_key: R0UTINGKEY
          - key: auth
            name: Authentication
            primary: [bob]
        deciders: [alice]
        prod_access: [bob]
        """;

    [Test]
    public void The_shipped_example_is_valid()
    {
        var result = RegistryParser.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "expertise.example.yaml")));

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Registry!.People.Keys, Is.EqualTo<string[]>(["alice", "bob", "carol", "dave", "erin", "priya"]));
        Assert.That(result.Registry.Areas.Keys, Is.EqualTo<string[]>(["payments", "bookings", "auth", "infrastructure"]));
        Assert.That(result.Registry.People["dave"].Hours!.CrossesMidnight, Is.True);
    }

    [Test]
    public void A_person_is_read_with_every_field()
    {
        var alice = RegistryParser.Parse(Minimal).Registry!.People["alice"];

        Assert.That(alice.Name, Is.EqualTo("Alice Example"));
        Assert.That((alice.Slack, alice.Teams, alice.Email), Is.EqualTo(("U0ALICE", "29:1a2b3c", "alice@example.com")));
        Assert.That(alice.TimeZone, Is.EqualTo(DateTimeZoneProviders.Tzdb["Europe/Berlin"]));
        Assert.That(alice.Hours, Is.EqualTo(new WorkingHours(new LocalTime(9, 0), new LocalTime(17, 30))));
        Assert.That(alice.OutOfOffice, Is.EqualTo<DateRange[]>(
        [
            new DateRange(new LocalDate(2026, 12, 20), new LocalDate(2027, 1, 3)),
            new DateRange(new LocalDate(2027, 4, 12), new LocalDate(2027, 4, 16)),
        ]));
    }

    [Test]
    public void Working_days_default_to_Monday_to_Friday_and_optional_fields_to_null()
    {
        var bob = RegistryParser.Parse(Minimal).Registry!.People["bob"];

        Assert.That(bob.Days, Is.EquivalentTo((IsoDayOfWeek[])
        [
            IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
        ]));
        Assert.That(new object?[] { bob.Slack, bob.Teams, bob.Email, bob.TimeZone, bob.Hours }, Is.All.Null);
        Assert.That(bob.OutOfOffice, Is.Empty);
    }

    [Test]
    public void An_area_is_read_with_lowercase_keywords_and_its_key_as_the_default_name()
    {
        var registry = RegistryParser.Parse(Minimal).Registry!;

        Assert.That((registry.Areas["payments"].Name, registry.Areas["payments"].PagerDutyRoutingKey), Is.EqualTo(("payments", "R0UTINGKEY")));
        Assert.That(registry.Areas["payments"].Keywords, Is.EqualTo<string[]>(["checkout", "stripe", "billing"]));
        Assert.That(registry.Areas["payments"].Primary, Is.EqualTo<string[]>(["alice"]));
        Assert.That(registry.Areas["payments"].Secondary, Is.EqualTo<string[]>(["bob"]), "one id alone is a list of one");
        Assert.That(registry.Areas["auth"].Name, Is.EqualTo("Authentication"));
        Assert.That(registry.Areas["auth"].Secondary, Is.Empty);
        Assert.That(registry.Deciders, Is.EqualTo<string[]>(["alice"]));
        Assert.That(registry.ProdAccess, Is.EqualTo<string[]>(["bob"]));
    }

    [Test]
    public void People_are_found_by_registry_id_or_Slack_id()
    {
        var registry = RegistryParser.Parse(Minimal).Registry!;

        Assert.That(registry.FindPerson("<@U0ALICE>"), Is.SameAs(registry.FindPerson("alice")).And.Not.Null);
    }

    [TestCase("Mon-Fri", "Monday Tuesday Wednesday Thursday Friday")]
    [TestCase("Sat,Sun", "Saturday Sunday")]
    [TestCase("Mon,Wed-Fri", "Monday Wednesday Thursday Friday")]
    [TestCase("Sun-Tue", "Sunday Monday Tuesday")]
    [TestCase("mon-FRI", "Monday Tuesday Wednesday Thursday Friday")]
    [TestCase("Monday, Thursday-Saturday", "Monday Thursday Friday Saturday")]
    [TestCase("[Tue, Thu]", "Tuesday Thursday")]
    public void Working_days_are_days_and_ranges(string days, string expected)
    {
        var yaml = $"people:\n  - id: a\n    name: A\n    days: {days}\nareas: []\n";

        var person = RegistryParser.Parse(yaml).Registry!.People["a"];

        Assert.That(person.Days, Is.EquivalentTo(expected.Split(' ').Select(Enum.Parse<IsoDayOfWeek>)));
    }

    [Test]
    public void Hours_may_end_at_24_00_or_cross_midnight()
    {
        var yaml = """
            people:
              - { id: late, name: Late, timezone: UTC, hours: "18:00-24:00" }
              - { id: night, name: Night, timezone: UTC, hours: "22:00-06:00" }
            areas: []
            """;

        var people = RegistryParser.Parse(yaml).Registry!.People;

        Assert.That(people["late"].Hours, Is.EqualTo(new WorkingHours(new LocalTime(18, 0), LocalTime.Midnight)));
        Assert.That(people["night"].Hours!.CrossesMidnight, Is.True);
    }
}
