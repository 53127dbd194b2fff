using System.Diagnostics;

namespace IncidentBot.Tests.Support;

/// <summary>Runs the built bot as its own process, as an operator would, to see how it starts or refuses to.</summary>
internal static class BotProcess
{
    /// <summary>Starts the bot with the settings as command-line arguments; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> Run(params IReadOnlyDictionary<string, string?>[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--Urls=http://127.0.0.1:0");
        foreach (var (key, value) in settings.SelectMany(s => s))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The bot kept running; it was expected to refuse to start.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
