using System.Runtime.CompilerServices;
using IncidentBot.Core.Authorization;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Authorization;

public sealed class AuthorizationRulesTests
{
    private static readonly ExpertiseRegistry Registry = RegistryParser.Parse(Team.Registry).Registry!;

    [Test]
    public void Every_command_but_help_and_suggestions_maps_to_an_act_with_a_rule()
    {
        // A "did you mean" suggestion only answers the sender; the command it suggests is checked when run.
        var commands = typeof(Command).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Command)) && t != typeof(HelpCommand) && t != typeof(InvalidCommand) && t != typeof(DidYouMeanCommand) && t != typeof(OpenFormCommand));

        // Opening a form asks for the act of the form's command: see ButtonActsTests.
        var unmapped = commands.Where(t => Acts.Of((Command)RuntimeHelpers.GetUninitializedObject(t)) is not { } act || !Acts.Defaults.ContainsKey(act));

        Assert.That(unmapped.Select(t => t.Name), Is.Empty);
    }

    [Test]
    public void The_defaults_are_the_table_of_the_README()
    {
        Assert.That(AuthorizationRules.Default[Acts.Rollback].Roles, Is.EquivalentTo(new[] { Roles.Owner, Roles.Deciders, Roles.ProdAccess }));
        Assert.That(AuthorizationRules.Default[Acts.Resolve].Roles, Is.EquivalentTo(new[] { Roles.Owner, Roles.Paged, Roles.Deciders }));
        Assert.That(AuthorizationRules.Default[Acts.Postmortem].Roles, Is.EquivalentTo(new[] { Roles.ChannelMembers, Roles.Deciders }));
        Assert.That(AuthorizationRules.Default[Acts.Declare].Roles, Is.EquivalentTo(new[] { Roles.Members }));
    }

    [TestCase("Rollbak", "owner", "Authorization:Rollbak is not an act")]
    [TestCase("Rollback", "owner, admins", "Authorization:Rollback names 'admins', which is neither a role")]
    [TestCase("Resolve", "zed", "Authorization:Resolve names 'zed'")]
    [TestCase("Status", " ", "Authorization:Status lists nobody")]
    public void A_setting_that_names_no_act_role_or_person_is_an_error_naming_it(string act, string value, string error)
    {
        var (rules, errors) = AuthorizationRules.Build(Config(act, value), Registry);

        Assert.That(rules, Is.Null);
        Assert.That(errors, Has.Some.StartsWith(error));
    }

    [Test]
    public async Task A_configured_rule_replaces_the_default_for_that_act_only()
    {
        var (rules, errors) = AuthorizationRules.Build(Config("Rollback", "deciders, mo"), Registry);
        Assert.That(errors, Is.Empty);
        var core = new CoreHarness(Team.Registry, platform: "slack", rules: rules);
        await core.Run("Checkout down area:payments", core.Context(user: "<@U0ALICE>"));

        await core.Run("rollback INC-1 yes", core.Context(user: "<@U0ALICE>"));
        Assert.That(core.Answers[^1].Message.Text, Is.EqualTo("Only the deciders (Dana) or Mo may roll back (this calls the production rollback webhook)."));

        await core.Run("rollback INC-1 yes", core.Context(user: "<@U0MO>"));
        await core.Run("status INC-1 identified Found it", core.Context(user: "<@U0ALICE>"));
        Assert.That(core.Refusals.Entries, Has.Count.EqualTo(1), "Mo may roll back; Alice still may post a status");
    }

    [Test]
    public async Task Without_a_registry_the_declarer_and_owner_stand_in_for_the_deciders_and_the_paged()
    {
        var core = new CoreHarness();
        await core.Run("Checkout down", core.Context(user: "alice"));

        await core.Run("rollback INC-1 yes", core.Context(user: "bob"));
        Assert.That(core.Answers[^1].Message.Text, Does.StartWith("Only the owner of INC-1 (alice) or whoever declared INC-1").And.Contain("there is no expertise registry"));

        await core.Run("rollback INC-1 yes", core.Context(user: "alice"));
        Assert.That(core.Refusals.Entries, Has.Count.EqualTo(1));
    }

    private static Dictionary<string, IReadOnlyList<string>> Config(string act, string value) =>
        new() { [act] = value.Split(',') };
}
