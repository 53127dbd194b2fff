using IncidentBot.Core.Authorization;
using IncidentBot.Dashboard.Access;
using IncidentBot.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentBot.Tests.Dashboard.Access;

/// <summary>
/// Someone signed in through OpenID Connect is the registry person with their e-mail, checked by the chat rules on the
/// incident's platform (here the fake Slack, which says who is in which channel).
/// </summary>
[TestFixture(StorageProvider.Sqlite)]
internal sealed class DashboardPermissionsTests(StorageProvider provider) : HostTestBase(provider)
{
    private const string Registry = """
        people:
          - { id: alice, name: Alice, slack: U0ALICE, email: alice@example.com }
          - { id: bob, name: Bob, slack: U0BOB, email: bob@example.com }
          - { id: carol, name: Carol, slack: U0CAROL, email: carol@example.com }
        areas:
          - { key: payments, name: Payments, primary: [alice], secondary: [bob] }
        deciders: [carol]
        prod_access: []
        """;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Registry:Path"] = RegistryFile(Registry) };

    [Test]
    public async Task A_private_incident_shows_to_its_channel_members_and_the_deciders_only()
    {
        Slack.ChannelMembers["G0PAYROLL"] = ["U0ALICE"];
        var incident = await new DashboardSeed(Bot).Incident("Payroll export leaked", Bot.Clock.GetUtcNow(), isPrivate: true, channel: "G0PAYROLL");
        var permissions = Bot.Services.GetRequiredService<DashboardPermissions>();

        Assert.That(await permissions.MaySee(Person("ALICE@example.com"), incident, CancellationToken.None), Is.True, "in the channel (e-mail matched without case)");
        Assert.That(await permissions.MaySee(Person("carol@example.com"), incident, CancellationToken.None), Is.True, "a decider");
        Assert.That(await permissions.MaySee(Person("bob@example.com"), incident, CancellationToken.None), Is.False, "neither");
        Assert.That(await permissions.MaySee(Person("eve@example.com"), incident, CancellationToken.None), Is.False, "not in the registry");
        Assert.That(await permissions.MaySee(new DashboardUser(DashboardUser.OperatorName, null, IsOperator: true), incident, CancellationToken.None), Is.False, "Api:ShowPrivateIncidents is off");
    }

    [Test]
    public async Task Someone_the_registry_does_not_know_may_read_but_not_act()
    {
        var incident = await new DashboardSeed(Bot).Incident("Checkout returns 500s", Bot.Clock.GetUtcNow());
        var permissions = Bot.Services.GetRequiredService<DashboardPermissions>();

        var refusal = await permissions.Refusal(Person("eve@example.com"), Acts.Note, incident, CancellationToken.None);

        Assert.That(await permissions.MaySee(Person("eve@example.com"), incident, CancellationToken.None), Is.True);
        Assert.That(refusal, Is.EqualTo("Your sign-in e-mail (eve@example.com) is not in the expertise registry, so the dashboard cannot tell what you may do."));
        Assert.That(await permissions.Refusal(Person("bob@example.com"), Acts.Note, incident, CancellationToken.None), Is.Null);
        Assert.That(permissions.ContextOf(Person("bob@example.com"), incident, "k").User, Is.EqualTo("U0BOB"), "the timeline names Bob as chat would");
    }

    [Test]
    public async Task Acts_with_a_narrower_rule_follow_it()
    {
        var incident = await new DashboardSeed(Bot).Incident("Checkout returns 500s", Bot.Clock.GetUtcNow(), owner: "U0ALICE");
        var permissions = Bot.Services.GetRequiredService<DashboardPermissions>();

        Assert.That(await permissions.Refusal(Person("alice@example.com"), Acts.Resolve, incident, CancellationToken.None), Is.Null, "the owner");
        Assert.That(await permissions.Refusal(Person("bob@example.com"), Acts.Resolve, incident, CancellationToken.None), Does.StartWith("Only the owner of INC-1"));
    }

    private static DashboardUser Person(string email) => new(email, email, IsOperator: false);
}
