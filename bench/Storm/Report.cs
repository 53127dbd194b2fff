using System.Globalization;

namespace Storm;

/// <summary>The figures as Markdown tables: each bot run beside the bare endpoint's run at the same rate.</summary>
internal sealed class Report(BenchOptions options)
{
    private readonly List<(Scenario Scenario, RunResult Bare, RunResult Bot, RunCpu Cpu)> runs = [];
    private readonly List<(string Store, TimeSpan StartUp, double? PeakMb, CheckResult Check)> stores = [];

    public bool NothingLostOrTwice => stores.All(s => s.Check is { Lost: 0, Twice: 0, Unprocessed: 0 });

    public void Add(Scenario scenario, RunResult bare, RunResult bot, RunCpu cpu) => runs.Add((scenario, bare, bot, cpu));

    public void AddStore(string store, TimeSpan startUp, double? peakMb, CheckResult check) => stores.Add((store, startUp, peakMb, check));

    public void Print(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Open loop, {options.Duration.TotalSeconds:0} s per run, {Environment.ProcessorCount} cores; times in ms from when each request was due."));
        output.WriteLine();
        output.WriteLine("| store | load | offered/s | bare p50 / p99 / max | bot p50 / p99 / max | bot p99 ÷ bare p99 | acknowledged/s | shed (503) | failed | reply → timeline p99 | CPU per request, bare / bot / fake Slack |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (scenario, bare, bot, cpu) in runs)
        {
            var ratio = bare.P99 > 0 ? bot.P99 / bare.P99 : double.NaN;
            var check = stores.FirstOrDefault(s => s.Store == bot.Target).Check;
            var timeline = check is not null && check.ReplyToTimelineP99.TryGetValue(scenario.Offset / Scenario.OffsetStep, out var ms)
                ? string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms")
                : "";
            var requests = Math.Max(1, bot.Rate * options.Duration.TotalSeconds);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {bot.Target} | {bot.Kind} | {bot.Rate} | {bare.P50:0.0} / {bare.P99:0.0} / {bare.Max:0} | {bot.P50:0.0} / {bot.P99:0.0} / {bot.Max:0} | {ratio:0.00} | {bot.AchievedRate:0} | {bot.Shed} | {(bot.Failed == 0 ? "0" : bot.FailedAs)} | {timeline} | {cpu.Bare.TotalMilliseconds / requests:0.00} / {cpu.Bot.TotalMilliseconds / requests:0.00} / {cpu.FakeSlack.TotalMilliseconds / requests:0.00} ms |"));
        }

        output.WriteLine();
        output.WriteLine("| store | start to ready | peak memory | acknowledged | lost | twice | all processed after the load | unprocessed |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (store, startUp, peak, check) in stores)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {store} | {startUp.TotalMilliseconds:0} ms | {(peak is { } mb ? $"{mb:0} MB" : "n/a")} | {check.Acknowledged} | {check.Lost} | {check.Twice} | {(check.Drained is { } d ? $"{d.TotalSeconds:0.0} s" : $"not within {StoredCheck.DrainLimit.TotalMinutes:0} min")} | {check.Unprocessed} |"));
        }
    }
}

/// <summary>
/// User and system CPU over one scenario: the bare endpoint's over its run; the bot's and the fake Slack's from the start
/// of the bot's run to the end of the pause after it (the work the run queued included).
/// </summary>
internal sealed record RunCpu(TimeSpan Bare, TimeSpan Bot, TimeSpan FakeSlack);
