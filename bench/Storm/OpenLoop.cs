using System.Diagnostics;
using System.Net;

namespace Storm;

/// <summary>
/// Open-loop load: request i is due at start + i / rate whether or not earlier ones were answered (as Slack sends
/// them), and its time to answer is counted from when it was due, so a server that falls behind is not flattered.
/// </summary>
internal static class OpenLoop
{
    public static async Task<RunResult> Run(
        string target, string kind, int rate, TimeSpan duration, Func<int, HttpRequestMessage> request, HttpClient http)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var statuses = new HttpStatusCode[total];
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            // Read the clock once: read twice, the wait could turn negative between the test and the delay.
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(2))
            {
                await Task.Delay(wait);
            }

            inFlight.Add(Send(i, due));
        }

        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed;
        return RunResult.From(target, kind, rate, latencies, statuses, elapsed);

        async Task Send(int i, TimeSpan due)
        {
            try
            {
                using var message = request(i);
                using var response = await http.SendAsync(message);
                statuses[i] = response.StatusCode;
                if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("did not take this one", StringComparison.Ordinal))
                {
                    // A slash command is shed with a 200 whose text says so (Slack does not retry commands).
                    statuses[i] = HttpStatusCode.ServiceUnavailable;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                statuses[i] = 0;
            }

            latencies[i] = (clock.Elapsed - due).TotalMilliseconds;
        }
    }
}

/// <summary>One run's figures: the answer times of acknowledged requests, and how many were shed or failed.</summary>
internal sealed record RunResult(
    string Target, string Kind, int Rate, int Sent, int Acknowledged, int Shed, int Failed, double P50, double P99, double Max, double AchievedRate)
{
    /// <summary>Indexes of acknowledged requests: the ones the database check must find, once each.</summary>
    public IReadOnlyList<int> AcknowledgedIndexes { get; init; } = [];

    /// <summary>What the failures were: HTTP statuses, or "no answer" (the 10 s client timeout, a refused connection).</summary>
    public string FailedAs { get; init; } = "";

    public static RunResult From(string target, string kind, int rate, double[] latencies, HttpStatusCode[] statuses, TimeSpan elapsed)
    {
        var acked = Enumerable.Range(0, statuses.Length).Where(i => statuses[i] == HttpStatusCode.OK).ToArray();
        var times = acked.Select(i => latencies[i]).Order().ToArray();
        var shed = statuses.Count(s => s == HttpStatusCode.ServiceUnavailable);
        return new RunResult(
            target, kind, rate, statuses.Length, acked.Length, shed, statuses.Length - acked.Length - shed,
            Percentile(times, 0.50), Percentile(times, 0.99), times.Length == 0 ? 0 : times[^1], acked.Length / elapsed.TotalSeconds)
        {
            AcknowledgedIndexes = acked,
            FailedAs = string.Join(", ", statuses.Where(s => s is not HttpStatusCode.OK and not HttpStatusCode.ServiceUnavailable)
                .GroupBy(s => s == 0 ? "no answer" : ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Select(g => $"{g.Count()} {g.Key}")),
        };
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
