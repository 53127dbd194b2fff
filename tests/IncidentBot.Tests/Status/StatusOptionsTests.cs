using IncidentBot.Status;

namespace IncidentBot.Tests.Status;

internal sealed class StatusOptionsTests
{
    [Test]
    public void Statuspage_is_on_with_both_the_page_id_and_the_api_key_and_off_with_neither()
    {
        Assert.That(new StatuspageOptions { PageId = "p1", ApiKey = "k1" }.IsEnabled, Is.True);
        Assert.That(new StatuspageOptions().IsEnabled, Is.False);
        Assert.That(StatuspageOptions.Validate(new StatuspageOptions()), Is.Empty);
    }

    [Test]
    public void One_Statuspage_setting_without_the_other_names_the_missing_one_and_never_the_key()
    {
        Assert.That(StatuspageOptions.Validate(new StatuspageOptions { PageId = "p1" }), Is.EqualTo<string[]>(
            ["Statuspage:ApiKey must be set when Statuspage:PageId is set (both turn Statuspage on)."]));
        var errors = StatuspageOptions.Validate(new StatuspageOptions { ApiKey = "key-that-must-not-leak" }).ToList();
        Assert.That(errors, Is.EqualTo<string[]>(["Statuspage:PageId must be set when Statuspage:ApiKey is set (both turn Statuspage on)."]));
    }

    [Test]
    public void The_Statuspage_base_url_must_be_https_or_loopback()
    {
        var errors = StatuspageOptions.Validate(new StatuspageOptions { ApiBaseUrl = "api.statuspage.io" });

        Assert.That(errors, Is.EqualTo<string[]>(["Statuspage:ApiBaseUrl must be an https URL (plain http only on a loopback address such as 127.0.0.1), was 'api.statuspage.io'."]));
    }

    [Test]
    public void Status_webhooks_must_be_https_listed_once_and_need_a_secret()
    {
        var options = new NotifyOptions { Webhooks = ["https://hooks.example.com/status", "http://hooks.example.com/status", "https://hooks.example.com/status"] };

        Assert.That(NotifyOptions.Validate(options), Is.EqualTo<string[]>(
        [
            "Notify:Webhooks:1 must be an https URL (plain http only on a loopback address such as 127.0.0.1), was 'http://hooks.example.com/status'.",
            "Notify:Webhooks:2 repeats https://hooks.example.com/status: it would get every update twice.",
            "Notify:WebhookSecret must be set (at least 16 characters) when Notify:Webhooks lists a URL.",
        ]));
        Assert.That(NotifyOptions.Validate(new NotifyOptions { Webhooks = ["https://hooks.example.com/status"], WebhookSecret = "status-secret-0123456789" }), Is.Empty);
    }

    [Test]
    public void Stakeholder_channels_must_be_channel_ids_listed_once()
    {
        var options = new NotifyOptions { Channels = ["C0LEAD", "G0SUPPORT", "#marketing", "C0LEAD"] };

        Assert.That(NotifyOptions.Validate(options), Is.EqualTo<string[]>(
        [
            "Notify:Channels:2 must be a channel id starting with C or G such as C0123456789 (not a #name), was '#marketing'.",
            "Notify:Channels:3 repeats C0LEAD: each channel would get every update twice.",
        ]));
        Assert.That(NotifyOptions.Validate(new NotifyOptions()), Is.Empty);
    }
}
