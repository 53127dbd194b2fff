using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Tests.Registry;

/// <summary>Every mistake is reported with its line, and a file with any mistake gives no registry.</summary>
public sealed class RegistryValidationTests
{
    [Test]
    public void A_duplicate_person_id_names_both_lines()
    {
        var errors = Errors("""
            people:
              - id: alice
                name: Alice
              - id: alice
                name: Alice Again
            areas: []
            """);

        Assert.That(errors, Is.EqualTo<string[]>(["line 4: duplicate person id 'alice' (first at line 2)"]));
    }

    [TestCase("timezone: Europe/Berln", "line 5: unknown time zone 'Europe/Berln'")]
    [TestCase("hours: 9-5", "line 5: hours '9-5' must be HH:mm-HH:mm, like 09:00-17:30")]
    [TestCase("hours: \"09:00-09:00\"", "line 5: hours '09:00-09:00' start and end at the same time")]
    [TestCase("days: Mon-Fry", "line 5: days 'Mon-Fry': unknown day 'Fry'")]
    [TestCase("days: Mon-Wed-Fri", "line 5: days 'Mon-Wed-Fri': 'Mon-Wed-Fri' is not a day or a range of days")]
    [TestCase("email: alice.example.com", "line 5: email 'alice.example.com' is not an email address")]
    [TestCase("slack: alice", "line 5: slack 'alice' is not a Slack member id like U0ALICE")]
    [TestCase("nmae: Typo", "line 5: unknown key 'nmae' in a person (expected id, name, slack, teams, email, timezone, hours, days, out_of_office)")]
    public void A_bad_person_field_is_named_with_its_line(string field, string error)
    {
        var errors = Errors($"""
            people:
              - id: alice
                name: Alice
                teams: 29:1a2b3c
                {field}
            areas: []
            """);

        Assert.That(errors, Has.Exactly(1).Items.And.One.StartsWith(error));
    }

    [Test]
    public void Hours_need_a_time_zone() =>
        Assert.That(
            Errors("people:\n  - id: alice\n    name: Alice\n    hours: \"09:00-17:00\"\nareas: []\n"),
            Is.EqualTo<string[]>(["line 4: hours need a timezone for person 'alice' (an IANA id like Europe/Berlin)"]));

    [TestCase("Alice", "line 2: person id 'Alice' must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit")]
    [TestCase("-alice", "line 2: person id '-alice' must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit")]
    public void Person_ids_are_lowercase(string id, string error) =>
        Assert.That(Errors($"people:\n  - id: {id}\n    name: A\nareas: []\n"), Is.EqualTo<string[]>([error]));

    [Test]
    public void Id_and_name_are_required() =>
        Assert.That(
            Errors("people:\n  - id: alice\n  - name: Nobody\nareas: []\n"),
            Is.EqualTo<string[]>(["line 2: name is required for person 'alice'", "line 3: id is required for each person"]));

    [Test]
    public void A_Slack_id_belongs_to_one_person() =>
        Assert.That(
            Errors("people:\n  - { id: alice, name: A, slack: U0A }\n  - { id: bob, name: B, slack: U0A }\nareas: []\n"),
            Is.EqualTo<string[]>(["line 3: slack id 'U0A' is already alice's (line 2)"]));

    [Test]
    public void Absences_must_be_ordered_dates_that_do_not_overlap()
    {
        var errors = Errors("""
            people:
              - id: alice
                name: Alice
                out_of_office:
                  - { from: 2026-12-20, to: 2027-01-03 }
                  - { from: 2027-03-10, to: 2027-03-01 }
                  - { from: 2026-12-24, to: 2026-12-27 }
                  - { from: 2027-02-30, to: 2027-03-01 }
                  - { from: 2027-05-01 }
            areas: []
            """);

        Assert.That(errors, Is.EqualTo<string[]>(
        [
            "line 6: out_of_office from 2027-03-10 is after to 2027-03-01",
            "line 7: overlapping out_of_office ranges: 2026-12-24 to 2026-12-27 and 2026-12-20 to 2027-01-03 (line 5)",
            "line 8: out_of_office from '2027-02-30' is not a date like 2026-12-20 (yyyy-MM-dd)",
            "line 9: out_of_office needs to (a date like 2026-12-20)",
        ]));
    }

    [Test]
    public void An_unknown_top_level_key_is_an_error_not_ignored() =>
        Assert.That(
            Errors("people: []\nareas: []\nprod_acess: []\n"),
            Is.EqualTo<string[]>(["line 3: unknown key 'prod_acess' in the registry (expected people, areas, deciders, prod_access)"]));

    [Test]
    public void People_and_areas_are_required() =>
        Assert.That(
            Errors("deciders: []\n"),
            Is.EqualTo<string[]>(["line 1: people is required (a list; people: [] for none)", "line 1: areas is required (a list; areas: [] for none)"]));

    [Test]
    public void A_list_where_one_value_belongs_is_named() =>
        Assert.That(
            Errors("people:\n  - id: alice\n    name: [Alice, Example]\nareas: []\n"),
            Is.EqualTo<string[]>(["line 3: name must be a single value, not a list", "line 3: name is required for person 'alice'"]));

    private static IReadOnlyList<string> Errors(string yaml)
    {
        var result = RegistryParser.Parse(yaml);
        Assert.That(result.IsValid, Is.EqualTo(result.Errors.Count == 0));
        Assert.That(result.Registry is null, Is.EqualTo(result.Errors.Count > 0), "a file with mistakes gives no registry");
        return result.Errors;
    }
}
