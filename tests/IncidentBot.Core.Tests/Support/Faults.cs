namespace IncidentBot.Core.Tests.Support;

/// <summary>
/// Faults a test arms by step name: the next step whose name starts with an armed name throws once, as a crash or a
/// lost database connection would between two steps of a use case. The fakes call <see cref="Check"/> before acting.
/// </summary>
internal sealed class Faults
{
    private readonly List<string> armed = [];

    public void Arm(string step) => armed.Add(step);

    public void Check(string step)
    {
        var hit = armed.FindIndex(a => step.StartsWith(a, StringComparison.Ordinal));
        if (hit >= 0)
        {
            armed.RemoveAt(hit);
            throw new InjectedFault(step);
        }
    }
}

internal sealed class InjectedFault(string step) : Exception($"injected fault at {step}");
