using System.Globalization;

namespace Storm;

/// <summary>What to run: the stores, the scenarios (kind and rate), how long each lasts.</summary>
internal sealed record BenchOptions(TimeSpan Duration, IReadOnlyList<string> Stores, IReadOnlyList<Scenario> Scenarios, bool Smoke, string Configuration)
{
    public const string Secret = "storm-bench-signing-secret";

    /// <summary>Between runs, so one run's processing backlog is not the next run's load.</summary>
    public TimeSpan Pause => Smoke ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(3);

    public static BenchOptions Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var seconds = Value(args, "--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : smoke ? 2 : 10;
        var store = Value(args, "--store") ?? (smoke ? "sqlite" : "both");
        var stores = store == "both" ? ["sqlite", "postgres"] : new[] { store };
        if (stores.Contains("postgres") && BenchDatabase.PostgresServer is null)
        {
            Console.Error.WriteLine("PostgreSQL skipped: set INCIDENTBOT_BENCH_POSTGRES (or INCIDENTBOT_TEST_POSTGRES) to a server the bench may create databases on.");
            stores = [.. stores.Where(x => x != "postgres")];
        }

        var scenarios = smoke
            ? new[] { Scenario.Replies(50, 1), Scenario.Commands(20, 2), Scenario.Buttons(20, 3) }
            : [Scenario.Replies(200, 1), Scenario.Replies(1000, 2), Scenario.Commands(200, 3), Scenario.Commands(500, 4), Scenario.Buttons(500, 5),
                Scenario.Replies(2000, 6), Scenario.Replies(3000, 7)];
        if (Value(args, "--only") is { } only)
        {
            // "replies:1000,commands:500,buttons:500": those kinds (a word of the kind, singular or plural) at those rates.
            scenarios = [.. only.Split(',').Select((wanted, i) => Only(wanted, i + 1))];
        }

        return new BenchOptions(TimeSpan.FromSeconds(seconds), stores, scenarios, smoke, Value(args, "--configuration") ?? "Release");
    }

    private static Scenario Only(string wanted, int n)
    {
        var parts = wanted.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var rate) || rate <= 0)
        {
            throw new ArgumentException($"--only takes kind:rate pairs such as replies:1000, was '{wanted}'");
        }

        Scenario[] kinds = [Scenario.Replies(rate, n), Scenario.Commands(rate, n), Scenario.Buttons(rate, n)];
        return kinds.FirstOrDefault(s => Names(s, parts[0]))
            ?? throw new ArgumentException($"--only: '{parts[0]}' is not replies, commands or buttons");
    }

    private static bool Names(Scenario scenario, string word) =>
        scenario.Kind.Split(' ').Any(k => k.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(k, StringComparison.Ordinal));

    private static string? Value(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

/// <summary>One kind of request at one rate; <see cref="Offset"/> keeps its ids apart from the other scenarios'.</summary>
internal sealed record Scenario(string Kind, int Rate, int Offset)
{
    /// <summary>Between two scenarios' ids: a request's id ÷ this is its scenario's number.</summary>
    public const int OffsetStep = 1_000_000;

    public static Scenario Replies(int rate, int n) => new("thread replies", rate, n * OffsetStep);

    public static Scenario Commands(int rate, int n) => new("slash commands", rate, n * OffsetStep);

    public static Scenario Buttons(int rate, int n) => new("button presses", rate, n * OffsetStep);

    public (string Body, string ContentType) Build(SlackRequests requests, int i) => Kind switch
    {
        "thread replies" => requests.Reply(i),
        "slash commands" => requests.Command("list", i),
        _ => requests.ButtonPress(i),
    };

    /// <summary>The id the database check looks for (see <see cref="StoredCheck"/>).</summary>
    public string Marker(SlackRequests requests, string runId, int i) => Kind switch
    {
        "thread replies" => requests.ReplyEventId(i),
        "slash commands" => $"trigger.{runId}.{i}",
        _ => $"trigger.{runId}.b{i}",
    };
}
