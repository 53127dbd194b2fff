using IncidentBot.Core.Chat;
using IncidentBot.Core.Commands;
using IncidentBot.Core.Dispatch;
using IncidentBot.Core.Handoff;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;

namespace IncidentBot.Core.Tests.Dispatch;

/// <summary>A submitted form is the command it stands for, built from the answers, never from text read back.</summary>
public sealed class FormSubmissionsTests
{
    [Test]
    public void The_status_form_is_the_status_command()
    {
        var answers = Answers((IncidentForms.Stage, "identified"), (IncidentForms.Title, "Card payments"), (IncidentForms.Message, "We found\nthe  cause"));

        Assert.That(FormSubmissions.CommandOf(FormButtons.StatusAction, 4, answers),
            Is.EqualTo(CommandParser.Parse("status INC-4 identified title:\"Card payments\" We found the cause")));
    }

    [Test]
    public void A_title_with_typographic_quotes_stays_whole_and_out_of_the_message()
    {
        var answers = Answers((IncidentForms.Stage, "monitoring"), (IncidentForms.Title, "Card \u201Cpayments\u201D slow"), (IncidentForms.Message, "Fixed"));

        Assert.That(FormSubmissions.CommandOf(FormButtons.StatusAction, 4, answers),
            Is.EqualTo(new StatusCommand(4, IncidentStatus.Monitoring, "Fixed", "Card \u201Cpayments\u201D slow")));
    }

    [Test]
    public void The_handoff_form_is_the_handoff_command() =>
        Assert.That(FormSubmissions.CommandOf(HandoffMessages.FormAction, 4, Answers((IncidentForms.NewOwner, "<@U0BOB>"), (IncidentForms.HandoffNotes, "Restarted the pods.\nTry the cache next."))),
            Is.EqualTo(CommandParser.Parse("handoff INC-4 <@U0BOB> Restarted the pods. Try the cache next.")));

    [Test]
    public void A_question_for_the_deciders_that_starts_with_drop_stays_a_question() =>
        Assert.That(FormSubmissions.CommandOf(AskDeciders.AskAction, 4, Answers((IncidentForms.Question, "Drop the release for this?"))),
            Is.EqualTo(new PriorityCommand(4, "Drop the release for this?")));

    [Test]
    public void A_deciders_answer_carries_its_note() =>
        Assert.That(FormSubmissions.CommandOf(AskDeciders.AnswerAction, 4, Answers((IncidentForms.PriorityChoice, "wait"), (IncidentForms.Note, "ship first"))),
            Is.EqualTo(CommandParser.Parse("priority INC-4 wait ship first")));

    [Test]
    public void The_resolve_form_also_gives_the_root_cause_and_the_resolution() =>
        Assert.That(FormSubmissions.CommandOf(FormButtons.ResolveAction, 4, Answers((IncidentForms.Verification, "Test order paid"), (IncidentForms.RootCause, "Short timeout"), (IncidentForms.Resolution, " "))),
            Is.EqualTo(new ResolveCommand(4, "Test order paid", "Short timeout", null)));

    [TestCase(FormButtons.StatusAction, "status", "No stage given.")]
    [TestCase(HandoffMessages.FormAction, "handoff", "Name the person taking over")]
    [TestCase(FormButtons.RootCauseAction, "rootcause", "Write the root cause.")]
    [TestCase(AskDeciders.AskAction, "priority", "Write the question")]
    public void A_blank_form_gets_the_usage_of_its_command(string form, string verb, string problem)
    {
        var invalid = (InvalidCommand)FormSubmissions.CommandOf(form, 4, Answers())!;

        Assert.That(invalid.Verb, Is.EqualTo(verb));
        Assert.That(invalid.Problem, Does.StartWith(problem));
    }

    [Test]
    public void A_form_this_version_does_not_know_is_no_command() =>
        Assert.That(FormSubmissions.CommandOf("no-such-form", 4, Answers()), Is.Null);

    private static Dictionary<string, string?> Answers(params (string Id, string? Value)[] values) =>
        values.ToDictionary(v => v.Id, v => v.Value);
}
