using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Tests.Registry;

public sealed class RegistryAreaValidationTests
{
    private const string People = """
        people:
          - { id: alice, name: Alice }
          - { id: bob, name: Bob }
        """;

    [Test]
    public void Every_person_named_must_be_in_the_registry()
    {
        var errors = Errors("""
            areas:
              - key: payments
                primary: [alice]
                secondary: [bobb]
            deciders: [carol]
            prod_access: [alice, dave]
            """);

        Assert.That(errors, Is.EqualTo<string[]>(
        [
            "line 7: unknown person 'bobb' in payments.secondary",
            "line 8: unknown person 'carol' in deciders",
            "line 9: unknown person 'dave' in prod_access",
        ]));
    }

    [TestCase("primary: []", "line 6: primary is required for area 'payments' (at least one person id)")]
    [TestCase("secondary: [bob]", "line 5: primary is required for area 'payments' (at least one person id)")]
    [TestCase("primary: [ALICE]", "line 6: unknown person 'ALICE' in payments.primary")]
    [TestCase("primary: { alice: yes }", "line 6: primary must be a list")]
    [TestCase("secundary: [bob]", "line 6: unknown key 'secundary' in an area (expected key, name, keywords, primary, secondary, pagerduty_routing_key)")]
    public void An_area_needs_a_primary_owner_and_known_keys(string field, string error)
    {
        var errors = Errors($"""
            areas:
              - key: payments
                {field}
            """);

        Assert.That(errors, Has.Member(error));
    }

    [Test]
    public void Area_keys_are_unique()
    {
        var errors = Errors("""
            areas:
              - key: payments
                primary: [alice]
              - key: payments
                primary: [bob]
            """);

        Assert.That(errors, Is.EqualTo<string[]>(["line 7: duplicate area key 'payments' (first at line 5)"]));
    }

    [Test]
    public void Nobody_is_both_primary_and_secondary_for_an_area() =>
        Assert.That(
            Errors("areas:\n  - { key: auth, primary: [alice, bob], secondary: [bob] }\n"),
            Is.EqualTo<string[]>(["line 5: 'bob' is both primary and secondary in auth"]));

    [Test]
    public void Errors_come_in_line_order_all_at_once()
    {
        var errors = Errors("""
            areas:
              - key: Payments
                primary: [zed]
              - key: auth
                keywords: [login, Login]
            """);

        Assert.That(errors, Is.EqualTo<string[]>(
        [
            "line 5: area key 'Payments' must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
            "line 6: unknown person 'zed' in Payments.primary",
            "line 7: primary is required for area 'auth' (at least one person id)",
            "line 8: keyword 'Login' is listed twice",
        ]));
    }

    private static IReadOnlyList<string> Errors(string areas) => RegistryParser.Parse($"{People}\n{areas}\n").Errors;
}
