using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace IncidentBot.Hosting;

internal static class ConfigurationFile
{
    /// <summary>
    /// The top-level appsettings.json is linked into the build output. Reading the output's copy as the lowest layer
    /// means the host finds its settings whether started from the repo root or from its output folder; a copy in the
    /// working directory, environment variables and the command line still override it.
    /// </summary>
    public static void AddBuildOutputSettings(this ConfigurationManager configuration)
    {
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });
    }
}
