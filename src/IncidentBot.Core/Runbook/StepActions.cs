using System.Globalization;
using IncidentBot.Core.Chat;
using IncidentBot.Core.Incidents;
using IncidentBot.Core.Paging;

namespace IncidentBot.Core.Runbook;

/// <summary>
/// What a runbook step can carry besides its check-off button (<c>action:</c> in the runbook file): the button that does
/// the step, the same one the bot's other messages use, so it runs under the same rule of who may.
/// </summary>
public static class StepActions
{
    /// <summary>"I'm on something urgent": decline a page (runbook step 4a).</summary>
    public const string Decline = "decline";

    /// <summary>The step's own check-off button asks for the root cause (runbook step 7); no second button.</summary>
    public const string RootCause = "rootcause";

    /// <summary>"Bring in production access" (runbook step 4c).</summary>
    public const string ProdAccess = "prodaccess";

    /// <summary>"Ask the deciders" (runbook step 4b).</summary>
    public const string Priority = "priority";

    public static readonly IReadOnlyList<string> Known = [Decline, RootCause, ProdAccess, Priority];

    public static ChatButton? Button(string? action, Incident incident)
    {
        var n = incident.Number.ToString(CultureInfo.InvariantCulture);
        return action switch
        {
            Decline => new ChatButton(PageButtons.Decline, "I'm on something urgent", n),
            ProdAccess => ProductionAccess.RequestButton(incident),
            Priority => AskDeciders.AskButton(incident),
            _ => null,
        };
    }
}
