using IncidentBot.Core.Incidents;
using IncidentBot.Core.Postmortem;
using IncidentBot.Core.Tests.Support;
using IncidentBot.Core.Timeline;

namespace IncidentBot.Core.Tests.Postmortem;

public sealed class EditPostmortemTests
{
    private CoreHarness core = null!;

    [SetUp]
    public async Task Declare()
    {
        core = new CoreHarness();
        await core.Run("Checkout down sev:1");
    }

    [Test]
    public async Task Impact_root_cause_and_resolution_go_into_the_draft_and_the_change_onto_the_timeline()
    {
        var (changed, answer) = await Edit("EU shoppers could not pay for 40 min", "A bad deploy", "Rolled back", by: "bob");

        var draft = await Draft();
        Assert.That((changed, answer), Is.EqualTo((true, "Postmortem edited: impact, root cause, resolution.")));
        Assert.That(draft, Does.Contain("## Impact\n\nEU shoppers could not pay for 40 min\n"));
        Assert.That(draft, Does.Contain("## Root cause\n\nA bad deploy\n"));
        Assert.That(draft, Does.Contain("## Resolution\n\nRolled back\n"));
        var entry = (await core.Timeline())[^1];
        Assert.That((entry.Kind, entry.Actor, entry.Text), Is.EqualTo((TimelineKind.Message, "bob", "Postmortem edited: impact, root cause, resolution")));
    }

    [Test]
    public async Task Only_what_changed_is_named_and_an_empty_part_goes_back_to_the_prompt()
    {
        await Edit("EU shoppers could not pay", "A bad deploy", null);

        var (_, answer) = await Edit("EU shoppers could not pay", "  ", "Rolled back");

        Assert.That(answer, Is.EqualTo("Postmortem edited: root cause, resolution."));
        Assert.That(await Draft(), Does.Contain("## Root cause\n\n_To be written"));
    }

    [Test]
    public async Task The_same_text_again_or_too_long_a_text_changes_nothing()
    {
        await Edit("EU shoppers could not pay", null, null);
        var entries = (await core.Timeline()).Count;

        var same = await Edit("EU shoppers could not pay\r\n", null, null);
        var tooLong = await Edit(new string('x', EditPostmortem.MaxLength + 1), null, null);

        Assert.That(same, Is.EqualTo((false, "The postmortem of INC-1 already says that. Nothing was changed.")));
        Assert.That(tooLong, Is.EqualTo((false, "The impact may be up to 5000 characters, was 5001. Nothing was changed.")));
        Assert.That((await core.Timeline()).Count, Is.EqualTo(entries));
        Assert.That((await Incident()).Impact, Is.EqualTo("EU shoppers could not pay"));
    }

    [Test]
    public async Task Resolving_without_a_root_cause_keeps_the_one_written_before()
    {
        await Edit(null, "A bad deploy", null);

        await core.Run("resolve checkout works again");

        Assert.That((await Incident()).RootCause, Is.EqualTo("A bad deploy"));
    }

    private async Task<(bool, string)> Edit(string? impact, string? rootCause, string? resolution, string by = "alice") =>
        await new EditPostmortem(core.Store, core.Clock).Run(await Incident(), impact, rootCause, resolution, by, Guid.NewGuid().ToString("N"), CancellationToken.None);

    private async Task<Incident> Incident() => (await core.Store.Find(1, CancellationToken.None))!;

    private async Task<string> Draft() =>
        PostmortemDraft.Render(await Incident(), await core.Timeline(), await core.Actions.ForIncident(1, CancellationToken.None));
}
