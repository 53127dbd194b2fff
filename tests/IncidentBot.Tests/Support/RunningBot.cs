using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IncidentBot.Tests.Support;

/// <summary>
/// The built bot as its own process that keeps running, as an operator runs it: on a dynamic loopback port (read back
/// from its start-up log), killable with SIGKILL to simulate a crash, and started again on the same settings.
/// </summary>
internal sealed partial class RunningBot : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> output = [];

    private RunningBot(Process process) => this.process = process;

    public Uri BaseAddress => listening.Task.Result;

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts the bot and waits until it listens; fails the test with its output if it does not.</summary>
    public static async Task<RunningBot> Start(IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--Urls=http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var bot = new RunningBot(new Process { StartInfo = start, EnableRaisingEvents = true });
        bot.process.OutputDataReceived += (_, line) => bot.Read(line.Data);
        bot.process.ErrorDataReceived += (_, line) => bot.Read(line.Data);
        bot.process.Exited += (_, _) => bot.exited.TrySetResult(true);
        bot.process.Start();
        bot.process.BeginOutputReadLine();
        bot.process.BeginErrorReadLine();
        var first = await Task.WhenAny(bot.listening.Task, bot.exited.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != bot.listening.Task)
        {
            await bot.DisposeAsync();
            Assert.Fail($"The bot did not start listening:\n{bot.Output}");
        }

        return bot;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, exactly like a crash or an OOM kill.</summary>
    public async Task Kill()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end by itself; null when it still runs after <paramref name="limit"/>.</summary>
    public async Task<int?> WaitForExit(TimeSpan limit) =>
        await Task.WhenAny(exited.Task, Task.Delay(limit)) == exited.Task ? process.ExitCode : null;

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await Kill();
        }

        process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
