using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Tests.Registry;

/// <summary>A file that is not YAML at all still gives line-numbered errors, never an exception.</summary>
public sealed class RegistryYamlErrorTests
{
    [TestCase("people: []\nareas: []\npeople: []\n", "line 3: Duplicate key people")]
    [TestCase("people:\n  - id: alice\n    name: \"Alice\nareas: []\n", "line 3: ")]
    [TestCase("people: [alice\nareas: []\nx: 1\n", "line ")]
    [TestCase("people: *team\n", "line 1: ")]
    [TestCase("people: []\nareas: []\n---\npeople: []\n", "line 4: only one YAML document is expected, found another after ---")]
    [TestCase("", "line 1: the file is empty: expected people: and areas:")]
    [TestCase("# nothing but a comment\n", "line 1: the file is empty: expected people: and areas:")]
    [TestCase("- alice\n- bob\n", "line 1: the registry must be a mapping with the keys people, areas, deciders, prod_access")]
    [TestCase("people: alice\nareas: []\n", "line 1: people must be a list")]
    [TestCase("people:\n  - alice\nareas: []\n", "line 2: a person must be a mapping with the keys id, name")]
    public void Malformed_YAML_is_an_error_with_a_line(string yaml, string error)
    {
        RegistryParseResult result = null!;
        Assert.DoesNotThrow(() => result = RegistryParser.Parse(yaml));

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Registry, Is.Null);
        Assert.That(result.Errors, Has.Exactly(1).StartsWith(error));
    }
}
