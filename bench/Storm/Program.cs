using System.Diagnostics;
using System.Text.Json.Nodes;
using Storm;

// The storm benchmark: open-loop signed Slack load on the bot and, in the same run, on a bare endpoint that only
// checks the signature; then the database is checked for every acknowledged request. See docs/performance.md.
//
//   dotnet run -c Release --project bench/Storm -- [--seconds 10] [--store sqlite|postgres|both] [--smoke] [--only replies:2000,...]
//
// PostgreSQL runs take their connection string from INCIDENTBOT_BENCH_POSTGRES (a database the bench may empty).
switch (args)
{
    case ["--serve-bare", var bareSecret]:
        await BareEndpoint.Serve(bareSecret);
        return 0;
    case ["--serve-fake-slack"]:
        await FakeSlackApi.Serve();
        return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var bot = BotBuild.Locate(options);
await using var slack = await Served.FakeSlack();
await using var bare = await Served.Bare(BenchOptions.Secret);
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) };

var report = new Report(options);
foreach (var store in options.Stores)
{
    await using var database = BenchDatabase.Create(store);
    var runId = Guid.NewGuid().ToString("N")[..8];
    var requests = new SlackRequests(BenchOptions.Secret, runId) { ResponseUrlBase = new Uri(slack.Url, "/hooks/").ToString() };
    await using var served = await Served.Bot(bot, BotSettings.For(database, slack), BotBuild.LogFile(store));
    requests.ThreadTs = await Declare(served, requests, slack, http);

    // Warm-up, not measured: the first requests of each kind pay for JIT compilation and connection set-up.
    foreach (var scenario in options.Scenarios.DistinctBy(s => s.Kind))
    {
        await OpenLoop.Run("bare", scenario.Kind, 100, TimeSpan.FromSeconds(1), i => requests.Signed(new Uri(bare.Url, "/slack/events"), scenario.Build(requests, i)), http);
        await OpenLoop.Run(store, scenario.Kind, 100, TimeSpan.FromSeconds(1), i => requests.Signed(new Uri(served.Url, "/slack/events"), scenario.Build(requests, scenario.Offset + 900_000 + i)), http);
    }

    var acknowledged = new List<string>();
    foreach (var scenario in options.Scenarios)
    {
        var bareCpuBefore = bare.Cpu;
        var yardstick = await OpenLoop.Run("bare", scenario.Kind, scenario.Rate, options.Duration, i => requests.Signed(new Uri(bare.Url, "/slack/events"), scenario.Build(requests, i)), http);
        var bareCpu = bare.Cpu - bareCpuBefore;
        var cpuBefore = served.Cpu;
        var slackCpuBefore = slack.Cpu;
        var measured = await OpenLoop.Run(store, scenario.Kind, scenario.Rate, options.Duration, i => requests.Signed(new Uri(served.Url, "/slack/events"), scenario.Build(requests, scenario.Offset + i)), http);
        acknowledged.AddRange(measured.AcknowledgedIndexes.Select(i => scenario.Marker(requests, runId, scenario.Offset + i)));

        // The pause lets the work the run queued finish, so its CPU is counted with the run that caused it. The fake
        // Slack's is the Slack side of what the bot sent meanwhile, on the same cores: the bare endpoint's run has none.
        await Task.Delay(options.Pause);
        report.Add(scenario, yardstick, measured, new RunCpu(bareCpu, served.Cpu - cpuBefore, slack.Cpu - slackCpuBefore));
    }

    var check = await StoredCheck.Run(database.Provider, database.ConnectionString, runId, acknowledged);
    report.AddStore(store, served.StartUp, served.PeakMemoryMb, check);
}

report.Print(Console.Out);
return options.Smoke && !report.NothingLostOrTwice ? 1 : 0;

static async Task<string> Declare(Served bot, SlackRequests requests, Served slack, HttpClient http)
{
    using var declare = requests.Signed(new Uri(bot.Url, "/slack/events"), requests.Command("Checkout returns 500s (storm bench)", 0));
    using var answer = await http.SendAsync(declare);
    answer.EnsureSuccessStatusCode();
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < TimeSpan.FromSeconds(30))
    {
        var roots = await http.GetFromJsonAsync<JsonArray>(new Uri(slack.Url, "/bench/roots")) ?? [];
        if (roots.FirstOrDefault(r => r?["text"]?.ToString().Contains("storm bench", StringComparison.Ordinal) == true) is { } root)
        {
            return root["ts"]!.ToString();
        }

        await Task.Delay(50);
    }

    throw new TimeoutException("the bot did not open the incident thread within 30 s");
}
