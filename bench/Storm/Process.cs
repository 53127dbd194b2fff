using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Storm;

/// <summary>A process of the bench: the bot, the bare endpoint or the fake Slack API, started with dotnet, stopped at the end.</summary>
internal sealed class Served : IAsyncDisposable
{
    private readonly Process process;
    private readonly TextWriter? log;

    private Served(Process process, Uri url, TimeSpan startup, TextWriter? log = null)
    {
        this.process = process;
        this.log = log;
        Url = url;
        StartUp = startup;
    }

    public Uri Url { get; }

    /// <summary>From starting the process to its first successful readiness answer.</summary>
    public TimeSpan StartUp { get; }

    /// <summary>User and system CPU the process has used so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>The most resident memory the process has had (Linux VmHWM), in MB; null elsewhere.</summary>
    public double? PeakMemoryMb
    {
        get
        {
            var status = $"/proc/{process.Id}/status";
            var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
    }

    /// <summary><paramref name="log"/>: where the bot's own output goes, whole, to explain a run that went oddly.</summary>
    public static async Task<Served> Bot(string dll, IReadOnlyDictionary<string, string> settings, string log)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        // Urls, not ASPNETCORE_URLS: the appsettings.json beside the bot sets Urls, and plain environment variables win over it.
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var output = new StreamWriter(log, append: false) { AutoFlush = true };
        var process = Process.Start(info)!;
        var errors = Drain(process, output);
        var url = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the bot exited with {process.ExitCode}: {errors()}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri(url, "/readyz"));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return new Served(process, url, clock.Elapsed, output);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer.
            }

            await Task.Delay(20);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"the bot was not ready within 60 s: {errors()}");
    }

    /// <summary>The bare endpoint, in its own process.</summary>
    public static Task<Served> Bare(string secret) => Helper("--serve-bare", secret);

    /// <summary>The fake Slack Web API, in its own process (see <see cref="FakeSlackApi"/>).</summary>
    public static Task<Served> FakeSlack() => Helper("--serve-fake-slack");

    /// <summary>This program again, in one of its serving modes, which prints the address it listens on.</summary>
    private static async Task<Served> Helper(params string[] mode)
    {
        var self = typeof(Served).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", [self, .. mode]) { RedirectStandardOutput = true };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException($"{mode[0]} did not start");
        return new Served(process, new Uri(line["listening ".Length..]), clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        // Also waits for the last lines of its output, so the log is closed after them.
        await process.WaitForExitAsync();
        process.Dispose();
        if (log is not null)
        {
            await log.DisposeAsync();
        }
    }

    /// <summary>
    /// Keeps reading the output so the process never blocks on a full pipe, into <paramref name="log"/>; the last lines
    /// explain a failure.
    /// </summary>
    private static Func<string> Drain(Process process, TextWriter log)
    {
        var tail = new Queue<string>();
        void Keep(string? line)
        {
            lock (tail)
            {
                if (line is null)
                {
                    return;
                }

                log.WriteLine(line);
                tail.Enqueue(line);
                if (tail.Count > 20)
                {
                    tail.Dequeue();
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return () =>
        {
            lock (tail)
            {
                return string.Join('\n', tail);
            }
        };
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
