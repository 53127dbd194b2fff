using IncidentBot.Slack.Home;

namespace IncidentBot.Tests.Deploy;

/// <summary>Both Slack app manifests ask for what the bot handles: the Home tab and its event, the two shortcuts, their scopes.</summary>
internal sealed class SlackManifestTests
{
    [TestCase("slack/manifest.yaml")]
    [TestCase("slack/manifest.socket-mode.yaml")]
    public void The_manifest_turns_on_the_Home_tab_and_the_shortcuts_the_bot_answers(string manifest)
    {
        var yaml = DeployFiles.Yaml(manifest);

        Assert.That(DeployFiles.Text(yaml, "features", "app_home", "home_tab_enabled"), Is.EqualTo("true"));
        var shortcuts = DeployFiles.Maps(yaml, "features", "shortcuts").Select(s => $"{s["type"]}:{s["callback_id"]}:{s["name"]}");
        Assert.That(string.Join(", ", shortcuts), Is.EqualTo(
            $"global:{SlackSurfaceRequest.DeclareShortcut}:Declare an outage, message:{SlackSurfaceRequest.TimelineShortcut}:Add to incident timeline"));
        Assert.That(Strings(yaml, "settings", "event_subscriptions", "bot_events"), Does.Contain("app_home_opened"));
        Assert.That(Strings(yaml, "oauth_config", "scopes", "bot"), Is.SupersetOf(Scopes));
    }

    // The history scopes let a retry look for a post whose answer was lost (a thread root, a reply, a page) before posting again.
    private static readonly string[] Scopes = ["commands", "chat:write", "im:write", "channels:read", "groups:read", "channels:history", "groups:history", "im:history"];

    private static List<string> Strings(object yaml, params object[] path) =>
        ((List<object>)DeployFiles.At(yaml, path)).Select(o => o.ToString()!).ToList();
}
