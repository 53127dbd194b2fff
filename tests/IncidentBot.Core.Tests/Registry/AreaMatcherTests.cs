using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Tests.Registry;

public sealed class AreaMatcherTests
{
    private static readonly ExpertiseRegistry Registry = RegistryParser.Parse("""
        people:
          - { id: alice, name: Alice }
        areas:
          - key: payments
            keywords: [checkout, stripe, billing]
            primary: [alice]
          - key: bookings
            keywords: [booking, calendar, webhook]
            primary: [alice]
          - key: auth
            name: Authentication
            keywords: [login, sso]
            primary: [alice]
          - key: infrastructure
            keywords: [deploy, database, "load balancer"]
            primary: [alice]
        """).Registry!;

    [TestCase("Checkout API returns 500s", "payments")]
    [TestCase("CALENDAR sync stuck", "bookings")]
    [TestCase("Auth is down", "auth")]
    [TestCase("Authentication emails delayed", "auth")]
    [TestCase("Payments failing in EU", "payments")]
    [TestCase("SSO: login loops (Okta)", "auth")]
    [TestCase("Load balancer drops connections", "infrastructure")]
    [TestCase("stripe-webhook failing", "payments")]
    public void A_keyword_key_or_name_in_the_summary_picks_the_area(string summary, string area) =>
        Assert.That(AreaMatcher.MatchArea(Registry, summary)?.Key, Is.EqualTo(area));

    [TestCase("Checkouts are slow")]
    [TestCase("OAuth tokens expire early")]
    [TestCase("Rebooking page blank")]
    [TestCase("Everything is on fire")]
    [TestCase("")]
    public void Only_whole_words_match(string summary) =>
        Assert.That(AreaMatcher.MatchArea(Registry, summary), Is.Null);

    [Test]
    public void The_area_with_the_most_matching_keywords_wins() =>
        Assert.That(AreaMatcher.MatchArea(Registry, "Calendar webhook retries hit Stripe")?.Key, Is.EqualTo("bookings"));

    [Test]
    public void A_tie_goes_to_the_area_first_in_the_file() =>
        Assert.That(AreaMatcher.MatchArea(Registry, "Deploy broke checkout")?.Key, Is.EqualTo("payments"));

    [Test]
    public void An_empty_registry_matches_nothing() =>
        Assert.That(AreaMatcher.MatchArea(ExpertiseRegistry.Empty, "Checkout is down"), Is.Null);
}
