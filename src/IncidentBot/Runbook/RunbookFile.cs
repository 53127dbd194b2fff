using IncidentBot.Core.Runbook;
using Microsoft.Extensions.Options;

namespace IncidentBot.Runbook;

/// <summary>
/// The runbook, read once at start-up: the file at <c>Runbook:Path</c>, or the default that ships inside the bot.
/// A missing or invalid file stops start-up with the setting and the lines named: it is a hosted service only so
/// that the host builds it, and so reads the file, while starting.
/// </summary>
internal sealed class RunbookFile : IRunbookSource, IHostedService
{
    public RunbookFile(IOptions<RunbookOptions> options)
    {
        var (runbook, errors) = Read(options.Value.Path);
        Current = runbook ?? throw new OptionsValidationException(RunbookOptions.Section, typeof(RunbookOptions), errors);
    }

    /// <summary>The runbook at <paramref name="path"/> (null: the built-in one), or what is wrong with it, naming the setting.</summary>
    public static (RunbookDocument? Runbook, IReadOnlyList<string> Errors) Read(string? path)
    {
        string yaml;
        if (string.IsNullOrWhiteSpace(path))
        {
            using var stream = typeof(RunbookFile).Assembly.GetManifestResourceStream("IncidentBot.default-runbook.yaml")!;
            yaml = new StreamReader(stream).ReadToEnd();
        }
        else if (File.Exists(path))
        {
            yaml = File.ReadAllText(path);
        }
        else
        {
            return (null, [$"Runbook:Path file {Path.GetFullPath(path)} does not exist."]);
        }

        var (runbook, errors) = RunbookParser.Parse(yaml);
        return (runbook, errors.Select(e => $"Runbook:Path file {path ?? "(built in)"}, {e}").ToList());
    }

    public RunbookDocument Current { get; }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
