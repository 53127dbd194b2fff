using IncidentBot.Core.Tests.Support;

namespace IncidentBot.Core.Tests.Dispatch;

public sealed class UserMentionsTests
{
    [Test]
    public async Task A_mention_in_the_summary_becomes_the_persons_name_in_the_title_and_the_thread_root()
    {
        var core = new CoreHarness(platform: "slack");
        core.Directory.Names["<@U0EVIL>"] = "Eve";

        await core.Run("Checkout down, ask <@U0EVIL> why", core.Context(user: "<@U0ALICE>"));

        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Title, Is.EqualTo("Checkout down, ask Eve why"));
        Assert.That(core.Chat.Messages.Select(m => m.Message.ToPlainText()), Has.None.Contain("<@U0EVIL>"));
    }

    [Test]
    public async Task A_mention_of_someone_unknown_becomes_their_id_as_plain_text_in_notes_and_status()
    {
        var core = new CoreHarness(platform: "slack");
        await core.Run("Checkout down", core.Context(user: "<@U0ALICE>"));

        await core.Run("note INC-1 <@U0EVIL|evil> broke it", core.Context(user: "<@U0ALICE>"));
        await core.Run("status INC-1 identified Thanks <@U0EVIL>", core.Context(user: "<@U0ALICE>"));

        var texts = (await core.Timeline()).Select(e => e.Text).ToList();
        Assert.That(texts, Has.Some.Contains("U0EVIL broke it").And.Some.Contains("Thanks U0EVIL"));
        Assert.That(texts, Has.None.Contain("<@U0EVIL"));
    }

    [Test]
    public async Task The_person_a_command_is_about_stays_a_mention()
    {
        var core = new CoreHarness(platform: "slack");
        await core.Run("Checkout down", core.Context(user: "<@U0ALICE>"));

        await core.Run("owner INC-1 <@U0BOB>", core.Context(user: "<@U0ALICE>"));

        Assert.That((await core.Store.Find(1, CancellationToken.None))!.Owner, Is.EqualTo("<@U0BOB>"));
    }
}
