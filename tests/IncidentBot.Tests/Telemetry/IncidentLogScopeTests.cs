using IncidentBot.Telemetry;
using IncidentBot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Telemetry;

internal sealed partial class IncidentLogScopeTests
{
    [Test]
    public async Task Lines_logged_after_the_store_names_the_incident_carry_its_id_and_earlier_ones_do_not()
    {
        using var recorder = new ScopeRecordingLogs();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(recorder));
        var logger = factory.CreateLogger("handling");

        using (IncidentLogScope.Begin(logger))
        {
            Line(logger, "parsing the request");
            await FoundDeepInsideTheHandler(7);
            Line(logger, "posting to the thread failed");
        }

        Line(logger, "next request");

        var lines = recorder.Lines;
        Assert.Multiple(() =>
        {
            Assert.That(lines[0].Scopes, Does.Not.ContainKey("IncidentId"));
            Assert.That(lines[1].Scopes["IncidentId"], Is.EqualTo("INC-7"));
            Assert.That(lines[2].Scopes, Does.Not.ContainKey("IncidentId"), "the scope ends with the handling");
        });
    }

    [Test]
    public void A_scope_opened_for_a_known_incident_names_it_from_the_first_line()
    {
        using var recorder = new ScopeRecordingLogs();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(recorder));
        var logger = factory.CreateLogger("sending");

        using (IncidentLogScope.Begin(logger, incident: 12))
        {
            Line(logger, "Slack answered 503");
        }

        Assert.That(recorder.Lines.Single().Scopes["IncidentId"], Is.EqualTo("INC-12"));
    }

    private static async Task FoundDeepInsideTheHandler(long number)
    {
        await Task.Yield();
        IncidentLogScope.Note(number);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Text}")]
    private static partial void Line(ILogger logger, string text);
}
