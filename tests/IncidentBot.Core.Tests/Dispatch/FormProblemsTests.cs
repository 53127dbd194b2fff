using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Tests.Dispatch;

/// <summary>The answers a form cannot do without, checked while it is still open: spaces alone are no answer.</summary>
public sealed class FormProblemsTests
{
    [TestCase("resolve-form", "verification", "Write what you checked to confirm service is restored.")]
    [TestCase("status-form", "message", "Write what users and stakeholders should know.")]
    [TestCase("handoff-form", "notes", "Write what you tried and what you would try next.")]
    public void A_required_text_of_spaces_alone_is_named_beside_its_field(string form, string field, string problem)
    {
        var problems = FormProblems.Of(form, new Dictionary<string, string?> { [field] = "  \n " }, ExpertiseRegistry.Empty);

        Assert.That(problems, Is.EqualTo(new Dictionary<string, string> { [field] = problem }));
    }

    [Test]
    public void Written_answers_and_unknown_forms_have_no_problems()
    {
        Assert.That(FormProblems.Of("resolve-form", new Dictionary<string, string?> { ["verification"] = "Orders flow" }, ExpertiseRegistry.Empty), Is.Empty);
        Assert.That(FormProblems.Of("something-else", new Dictionary<string, string?>(), ExpertiseRegistry.Empty), Is.Empty);
    }
}
