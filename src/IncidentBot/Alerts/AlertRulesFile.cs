using IncidentBot.Core.Alerts;
using Microsoft.Extensions.Options;

namespace IncidentBot.Alerts;

/// <summary>
/// The alert rules, read once at start-up from <c>Alerts:RulesPath</c>, or the defaults without it. A missing or
/// invalid file stops start-up with the setting and the lines named: it is a hosted service only so that the host
/// builds it, and so reads the file, while starting.
/// </summary>
internal sealed class AlertRulesFile : IAlertRulesSource, IHostedService
{
    public AlertRulesFile(IOptions<AlertOptions> options)
    {
        var path = options.Value.RulesPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            Current = AlertRules.Defaults;
            return;
        }

        if (!File.Exists(path))
        {
            throw Invalid([$"Alerts:RulesPath file {Path.GetFullPath(path)} does not exist."]);
        }

        var (rules, errors) = AlertRulesParser.Parse(File.ReadAllText(path));
        Current = rules ?? throw Invalid(errors.Select(e => $"Alerts:RulesPath file {path}, {e}"));
    }

    public AlertRules Current { get; }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static OptionsValidationException Invalid(IEnumerable<string> failures) =>
        new(AlertOptions.Section, typeof(AlertOptions), failures);
}
