using IncidentBot.Core.Registry;
using Microsoft.Extensions.Options;

namespace IncidentBot.Registry;

/// <summary>
/// The registry file in force. Read when created (at start-up, as a hosted service), so a bad file stops start-up
/// before anything pages anyone; then watched: a good edit replaces <see cref="Current"/>, a bad edit or a deleted
/// file keeps the last good registry (a half-saved file must never turn paging off in the middle of an incident).
/// </summary>
internal sealed partial class RegistryFile(IOptions<RegistryOptions> options, ILogger<RegistryFile> logger, TimeProvider clock)
    : IRegistrySource, IHostedService, IDisposable
{
    private readonly string path = options.Value.FullPath;
    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile ExpertiseRegistry current = LoadAtStartUp(options.Value.FullPath, logger);

    public ExpertiseRegistry Current => current;

    /// <summary>Reads the file again; true when it replaced <see cref="Current"/>. The watcher calls it; so can tests.</summary>
    internal async Task<bool> Reload()
    {
        await reloading.WaitAsync();
        try
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                LogGone(logger, path, current.People.Count, current.Areas.Count);
                return false;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogUnreadable(logger, path, e.Message);
                return false;
            }

            var result = RegistryParser.Parse(text);
            if (result.Registry is not { } registry || !result.IsValid)
            {
                LogRejected(logger, path, string.Join("; ", result.Errors));
                return false;
            }

            current = registry;
            LogReloaded(logger, registry.People.Count, registry.Areas.Count, path);
            return true;
        }
        finally
        {
            reloading.Release();
        }
    }

    private static ExpertiseRegistry LoadAtStartUp(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            LogNoFile(logger, path);
            return ExpertiseRegistry.Empty;
        }

        RegistryParseResult result;
        try
        {
            result = RegistryParser.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid(path, [$"could not be read: {e.Message}"]);
        }

        if (result.Registry is not { } registry || !result.IsValid)
        {
            throw Invalid(path, result.Errors);
        }

        LogLoaded(logger, registry.People.Count, registry.Areas.Count, path);
        return registry;
    }

    // The registry is configuration: reported like a bad setting (the host prints these without a stack trace).
    private static OptionsValidationException Invalid(string path, IEnumerable<string> problems) =>
        new(RegistryOptions.Section, typeof(RegistryOptions), [.. problems.Select(p => $"Registry:Path file {path}, {p}")]);
}
