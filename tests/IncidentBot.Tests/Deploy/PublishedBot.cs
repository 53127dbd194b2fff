using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IncidentBot.Tests.Deploy;

/// <summary>
/// The output of <c>dotnet publish</c>, run as its own process with the environment the Dockerfile sets: what the
/// container would run, minus the container. Container paths are mapped into a temporary folder.
/// </summary>
internal sealed partial class PublishedBot : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PublishedBot(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines { get { lock (lines) { return [.. lines]; } } }

    /// <summary>Publishes the already built bot (no second build) into <paramref name="folder"/>.</summary>
    public static async Task Publish(string folder)
    {
        var configuration = typeof(Program).Assembly.Location.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var project = Path.Combine(DeployFiles.Repo, "src", "IncidentBot", "IncidentBot.csproj");
        // The tests' own build, published as it is: ReadyToRun would want a build for the machine's runtime.
        var (exitCode, output) = await Run(
            "dotnet", DeployFiles.Repo, new Dictionary<string, string>(), "publish", project, "--no-build", "-c", configuration, "-p:PublishReadyToRun=false", "-o", folder);
        Assert.That(exitCode, Is.Zero, output);
    }

    public static PublishedBot Start(string folder, IReadOnlyDictionary<string, string> environment)
    {
        var start = Info("dotnet", folder, environment, DockerfileTests.EntryPoint);
        return new PublishedBot(Process.Start(start)!);
    }

    /// <summary>Where the bot listens, from its "Now listening on" log line.</summary>
    public async Task<Uri> Listening()
    {
        var done = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        Assert.That(done, Is.SameAs(listening.Task), "the bot did not start listening:\n" + string.Join('\n', Lines));
        return await listening.Task;
    }

    /// <summary>Runs the published bot once with arguments (the health probe), as Docker's HEALTHCHECK would.</summary>
    public static Task<(int ExitCode, string Output)> RunOnce(string folder, params string[] arguments) =>
        Run("dotnet", folder, new Dictionary<string, string>(), [DockerfileTests.EntryPoint, .. arguments]);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }

        if (line.Contains("Now listening on", StringComparison.Ordinal) && ListeningUrl().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Value));
        }
    }

    private static async Task<(int ExitCode, string Output)> Run(string file, string folder, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(Info(file, folder, environment, arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static ProcessStartInfo Info(string file, string folder, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A container starts from a clean environment: nothing from the test runner may decide the outcome.
        foreach (var inherited in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningUrl();
}
