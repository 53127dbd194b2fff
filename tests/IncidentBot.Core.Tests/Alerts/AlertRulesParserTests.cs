using IncidentBot.Core.Alerts;
using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Tests.Alerts;

public sealed class AlertRulesParserTests
{
    private static readonly ExpertiseRegistry Registry = RegistryParser.Parse("""
        people:
          - { id: alice, name: Alice }
        areas:
          - { key: payments, name: Payments, keywords: [checkout], primary: [alice] }
          - { key: bookings, name: Bookings, keywords: [calendar], primary: [alice] }
        """).Registry!;

    [Test]
    public void The_first_matching_rule_decides_area_severity_and_whether_to_declare()
    {
        var (rules, errors) = AlertRulesParser.Parse("""
            rules:
              - source: grafana
                labels: { team: blue }
                area: bookings
                severity: 2
                then: declare
              - labels: { severity: "*" , env: staging }
                then: post
            """);

        Assert.That(errors, Is.Empty);
        Assert.That(rules!.Route(Alert("grafana", ("team", "blue")), Registry), Is.EqualTo(new AlertRoute(true, "bookings", 2, 2)));
        Assert.That(rules.Route(Alert("alertmanager", ("severity", "critical"), ("env", "staging")), Registry), Is.EqualTo(new AlertRoute(false, "payments", 1, 7)), "no area in the rule: the keywords");
        Assert.That(rules.Route(Alert("alertmanager", ("team", "blue")), Registry).Line, Is.Null, "wrong source: the defaults");
    }

    [Test]
    public void Without_a_rule_critical_and_page_declare_and_the_area_comes_from_the_label_or_the_keywords()
    {
        var defaults = AlertRules.Defaults;

        Assert.That(defaults.Route(Alert("generic", ("severity", "critical"), ("area", "bookings")), Registry), Is.EqualTo(new AlertRoute(true, "bookings", 1, null)));
        Assert.That(defaults.Route(Alert("generic", ("severity", "page"), ("area", "nowhere")), Registry), Is.EqualTo(new AlertRoute(true, "payments", 2, null)), "keyword 'checkout' in the name");
        Assert.That(defaults.Route(Alert("generic", ("severity", "warning")), Registry).Declare, Is.False);
        Assert.That(defaults.Route(Alert("generic"), Registry).Declare, Is.False);
    }

    [Test]
    public void Every_mistake_is_reported_with_its_line()
    {
        var (rules, errors) = AlertRulesParser.Parse("""
            rules:
              - source: nagios
                then: declare
              - labels: [team, blue]
                severity: 5
                then: page
              - area: payments
                sevrity: 1
            """);

        Assert.That(rules, Is.Null);
        Assert.That(errors, Is.EqualTo<string[]>([
            "line 2: source 'nagios' is not one of alertmanager, grafana, generic",
            "line 4: labels must be a mapping of label names to values, as in { team: payments }",
            "line 5: severity '5' must be 1 (worst) to 4",
            "line 6: then 'page' must be declare or post",
            "line 7: then is required: declare or post",
            "line 8: unknown key 'sevrity' in a rule (expected source, labels, area, severity, then)",
        ]));
    }

    [Test]
    public void A_file_that_is_not_YAML_or_has_no_rules_list_is_refused()
    {
        Assert.That(AlertRulesParser.Parse("rules:\n\t- then: declare").Errors.Single(), Does.StartWith("line 1: ").And.Contain("tab"));
        Assert.That(AlertRulesParser.Parse("- then: declare").Errors.Single(), Does.Contain("the rules file must be a mapping"));
    }

    private static Alert Alert(string source, params (string Key, string Value)[] labels) => new(
        source, source + ":g", "f", "CheckoutErrorRate", AlertStatus.Firing, DateTimeOffset.UnixEpoch, "Checkout fails",
        labels.ToDictionary(l => l.Key, l => l.Value), new Dictionary<string, string>(), null);
}
