namespace IncidentBot.Tests.Support;

/// <summary>
/// On a host test that stops, restarts or replaces <c>Bot</c>, or asserts what the bot did at start-up: that test gets
/// a bot of its own, while the other tests of its class share one (see <see cref="HostTestBase"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class OwnBotAttribute : Attribute;
