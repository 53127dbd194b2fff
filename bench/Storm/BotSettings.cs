namespace Storm;

/// <summary>The bot as a team would run it in production, pointed at the fake Slack API and the bench's database.</summary>
internal static class BotSettings
{
    public const string ApiToken = "storm-bench-api-token-0123456789";

    public static IReadOnlyDictionary<string, string> For(BenchDatabase database, FakeSlackApi slack) => new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Storage__Provider"] = database.Provider == "postgres" ? "Postgres" : "Sqlite",
        ["ConnectionStrings__IncidentBot"] = database.ConnectionString,
        ["Slack__SigningSecret"] = BenchOptions.Secret,
        ["Slack__BotToken"] = "xoxb-storm-bench",
        ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl,
        ["Slack__TeamId"] = SlackRequests.TeamId,
        ["Slack__AppId"] = SlackRequests.AppId,
        ["Slack__IncidentChannel"] = SlackRequests.Channel,
        ["Api__Token"] = ApiToken,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Delivery__ChannelPace"] = "00:00:00",
    };
}

/// <summary>Finds the bot to measure: the repository's build of src/IncidentBot, built in Release when missing.</summary>
internal static class BotBuild
{
    public static string Locate(BenchOptions options)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "IncidentBot.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("run the bench from the repository: IncidentBot.sln was not found above it");
        }

        var dll = Path.Combine(root.FullName, "src", "IncidentBot", "bin", options.Configuration, "net10.0", "IncidentBot.dll");
        if (!File.Exists(dll))
        {
            using var build = System.Diagnostics.Process.Start("dotnet", ["build", "-c", options.Configuration, Path.Combine(root.FullName, "src", "IncidentBot"), "-v", "q"]);
            build.WaitForExit();
        }

        return File.Exists(dll) ? dll : throw new FileNotFoundException("the bot's build was not found", dll);
    }
}
