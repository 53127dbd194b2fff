using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Registry;
using IncidentBot.Core.Tests.Paging;
using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Dispatch;

/// <summary>The Declare form: its answers checked field by field, then the same declaration as the command.</summary>
public sealed class DeclareFormTests
{
    private static readonly ExpertiseRegistry Team = RegistryParser.Parse(Registries.Team).Registry!;

    [Test]
    public void Good_answers_have_no_problems()
    {
        var problems = DeclareForm.Problems(Answers("Checkout returns 500s", "payments", "1", "private"), Team);

        Assert.That(problems, Is.Empty);
    }

    [TestCase("   ", null, null, "summary", "Say what is broken.")]
    [TestCase("Checkout down", "billing", null, "area", "There is no area 'billing' (any more): pick one from the list.")]
    [TestCase("Checkout down", null, "5", "severity", "'5' is not a severity: pick SEV-1 to SEV-4.")]
    public void A_bad_answer_is_named_beside_its_field(string summary, string? area, string? severity, string field, string problem)
    {
        var problems = DeclareForm.Problems(Answers(summary, area, severity, null), Team);

        Assert.That(problems, Is.EqualTo(new Dictionary<string, string> { [field] = problem }));
    }

    [Test]
    public void A_summary_longer_than_a_title_is_refused_with_its_length()
    {
        var problems = DeclareForm.Problems(Answers(new string('x', 151), null, null, null), Team);

        Assert.That(problems[DeclareForm.Summary], Does.StartWith("This is 151 characters; keep it to 150"));
    }

    [Test]
    public async Task Submitting_declares_with_the_area_severity_and_visibility_in_the_chosen_channel()
    {
        var core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);
        var form = new DeclareForm(core.Commands, core, core.Platforms);
        var values = Answers("Checkout returns 500s", "payments", "2", "private");
        values[DeclareForm.Channel] = "C-incidents";

        await form.Submit(core.Context(user: "carol", channel: ""), values, CancellationToken.None);

        var incident = (await core.Store.Find(1, CancellationToken.None))!;
        Assert.That((incident.Title, incident.Area, incident.Severity, incident.IsPrivate, incident.Thread.Channel, incident.DeclaredBy),
            Is.EqualTo(("Checkout returns 500s", "payments", (int?)2, true, "C-incidents", "carol")));
        Assert.That(core.DirectMessages("alice"), Is.Not.Empty, "the area's owners are paged as for the command");
    }

    [Test]
    public void The_form_asks_for_the_channel_where_the_platform_has_no_incident_channel_and_offers_the_areas()
    {
        var core = new CoreHarness(Registries.Team, Registries.MondayAfternoon);
        var form = new DeclareForm(core.Commands, core, core.Platforms).Form(core.Chat.Name);

        Assert.That(string.Join(", ", form.Fields.Select(f => f.Id)), Is.EqualTo("summary, channel, area, severity, visibility"));
        Assert.That(string.Join(", ", form.Fields.Single(f => f.Id == "area").Options!.Select(o => o.Value)), Is.EqualTo("payments, bookings"));
    }

    private static Dictionary<string, string?> Answers(string summary, string? area, string? severity, string? visibility) => new()
    {
        [DeclareForm.Summary] = summary,
        [DeclareForm.Area] = area,
        [DeclareForm.Severity] = severity,
        [DeclareForm.Visibility] = visibility,
    };
}
