namespace Storm;

/// <summary>The bot as a team would run it in production, pointed at the fake Slack API and the bench's database.</summary>
internal static class BotSettings
{
    public const string ApiToken = "storm-bench-api-token-0123456789";

    public static IReadOnlyDictionary<string, string> For(BenchDatabase database, Served slack) => new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Storage__Provider"] = database.Provider == "postgres" ? "Postgres" : "Sqlite",
        ["ConnectionStrings__IncidentBot"] = database.ConnectionString,
        ["Slack__SigningSecret"] = BenchOptions.Secret,
        ["Slack__BotToken"] = "xoxb-storm-bench",
        ["Slack__ApiBaseUrl"] = new Uri(slack.Url, "/api/").ToString(),
        ["Slack__TeamId"] = SlackRequests.TeamId,
        ["Slack__AppId"] = SlackRequests.AppId,
        ["Slack__IncidentChannel"] = SlackRequests.Channel,
        ["Api__Token"] = ApiToken,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Delivery__ChannelPace"] = "00:00:00",
    }.Concat(Extra()).ToDictionary();

    /// <summary>STORM_BOT_ENV="NAME=value;NAME=value": more environment for the bot only, to compare runtime settings.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Extra() =>
        (Environment.GetEnvironmentVariable("STORM_BOT_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1]));
}

/// <summary>
/// Finds the bot to measure. Release: published for this machine's runtime, as the Docker image is (ReadyToRun, so
/// start-up is measured without the JIT), freshly each time so the measured bot is the current code. Debug (the CI
/// smoke): the repository's build of src/IncidentBot, built when missing.
/// </summary>
internal static class BotBuild
{
    /// <summary>The bot's output (warnings and errors, as in production) during the bench on one store.</summary>
    public static string LogFile(string store) => Path.Combine(Root().FullName, "artifacts", $"storm-bot-{store}.log");

    public static string Locate(BenchOptions options)
    {
        var root = Root();
        var project = Path.Combine(root.FullName, "src", "IncidentBot");
        if (options.Configuration == "Release")
        {
            var published = Path.Combine(root.FullName, "artifacts", "storm-bot");
            // No -r: a ReadyToRun publish is for this machine's runtime anyway, and -r would rewrite the committed lock files.
            Run("publish", project, "-c", "Release", "--self-contained", "false", "-o", published);
            return Path.Combine(published, "IncidentBot.dll");
        }

        var dll = Path.Combine(project, "bin", options.Configuration, "net10.0", "IncidentBot.dll");
        if (!File.Exists(dll))
        {
            Run("build", "-c", options.Configuration, project);
        }

        return File.Exists(dll) ? dll : throw new FileNotFoundException("the bot's build was not found", dll);
    }

    private static DirectoryInfo Root()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "IncidentBot.sln")))
        {
            root = root.Parent;
        }

        return root ?? throw new InvalidOperationException("run the bench from the repository: IncidentBot.sln was not found above it");
    }

    private static void Run(params string[] arguments)
    {
        using var dotnet = System.Diagnostics.Process.Start("dotnet", [.. arguments, "-v", "q", "-nologo"]);
        dotnet.WaitForExit();
        if (dotnet.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed with {dotnet.ExitCode}");
        }
    }
}
