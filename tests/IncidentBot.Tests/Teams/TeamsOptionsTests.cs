using IncidentBot.Teams;
using Microsoft.Identity.Client;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Teams;

internal sealed class TeamsOptionsTests
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";

    [Test]
    public void Authentication_cannot_be_switched_off_outside_Development()
    {
        var errors = TeamsOptionsValidator.Errors(new TeamsOptions { AllowUnauthenticated = true }, "Production").ToList();

        Assert.That(errors.Single(), Does.Contain("Teams:AllowUnauthenticated").And.Contain("Development").And.Contain("'Production'"));
        Assert.That(TeamsOptionsValidator.Errors(new TeamsOptions { AllowUnauthenticated = true }, "Development"), Is.Empty);
    }

    [TestCase(AppId, null, "Teams:AppPassword must be set")]
    [TestCase(null, "secret", "Teams:AppId must be set")]
    [TestCase("my-bot", "secret", "a GUID")]
    public void Credentials_come_in_pairs_and_the_app_id_is_a_GUID(string? appId, string? password, string expected)
    {
        var errors = TeamsOptionsValidator.Errors(new TeamsOptions { AppId = appId, AppPassword = password }, "Production");

        Assert.That(errors, Has.One.Contains(expected));
    }

    [Test]
    public void Urls_and_the_channel_are_checked_with_the_setting_named()
    {
        var options = new TeamsOptions
        {
            AppId = AppId, AppPassword = "secret", OpenIdMetadataUrl = "http://example.com/metadata",
            TrustedServiceUrls = ["ftp://x/"], IncidentChannel = "#incidents",
        };

        var errors = TeamsOptionsValidator.Errors(options, "Production").ToList();

        Assert.That(errors, Has.Count.EqualTo(3));
        Assert.That(errors, Has.One.Contains("Teams:OpenIdMetadataUrl").And.One.Contains("Teams:TrustedServiceUrls").And.One.Contains("Teams:IncidentChannel"));
    }

    [Test]
    public void The_token_authority_is_the_tenant_or_the_multi_tenant_default()
    {
        Assert.That(new TeamsOptions { TenantId = "abc.onmicrosoft.com" }.EffectiveTokenAuthority, Is.EqualTo("https://login.microsoftonline.com/abc.onmicrosoft.com"));
        Assert.That(new TeamsOptions().EffectiveTokenAuthority, Is.EqualTo("https://login.microsoftonline.com/botframework.com"));
    }

    [Test]
    public void MSAL_is_configured_with_the_app_the_authority_and_the_connector_scope()
    {
        var tenant = "50612dbb-0237-4969-b378-8d42590f9c00";
        var source = new MsalBotTokenSource(Options.Create(new TeamsOptions { AppId = AppId, AppPassword = "secret", TenantId = tenant }));

        Assert.That(source.Application.AppConfig.ClientId, Is.EqualTo(AppId));
        Assert.That(((IConfidentialClientApplication)source.Application).Authority, Does.StartWith($"https://login.microsoftonline.com/{tenant}"));
        Assert.That(MsalBotTokenSource.Scope, Is.EqualTo("https://api.botframework.com/.default"));
    }
}
