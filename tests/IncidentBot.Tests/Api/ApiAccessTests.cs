using System.Net;
using IncidentBot.Api;
using IncidentBot.Persistence;
using IncidentBot.Tests.Persistence;
using IncidentBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Api;

/// <summary>
/// Who reaches <c>/api/*</c>: the token, or (Development only, no token) this machine; and forwarded headers never
/// decide who "this machine" is unless the proxy is named.
/// </summary>
internal sealed class ApiAccessTests
{
    private RecordingLoggerProvider logs = null!;
    private TestDatabase database = null!;
    private BotHost? bot;

    [SetUp]
    public void CreateDatabase()
    {
        logs = new RecordingLoggerProvider();
        database = TestDatabase.Create(StorageProvider.Sqlite);
        bot = null;
    }

    [TearDown]
    public async Task Stop()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        database.Dispose();
        logs.Dispose();
    }

    [Test]
    public async Task Outside_Development_without_a_token_the_API_answers_401_naming_the_setting_and_the_log_says_so_once()
    {
        Start(("Api:Token", ""));

        using var response = await bot!.Http.GetAsync("/api/incidents");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Api:Token is not set"));
        Assert.That(logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("Api:Token is not set", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task Outside_Development_a_loopback_client_with_a_forged_forwarded_header_is_still_refused()
    {
        Start(("Api:Token", ""));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/incidents");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");
        request.Headers.Add("X-Real-IP", "127.0.0.1");

        using var response = await bot!.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task In_Development_without_a_token_clients_on_this_machine_are_answered()
    {
        Start(("Api:Token", ""), ("environment", Environments.Development));

        using var response = await bot!.Http.GetAsync("/api/incidents");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Forwarded_headers_from_a_proxy_nobody_named_do_not_change_who_the_caller_is()
    {
        // Even with ASP.NET Core's own switch on, which would otherwise believe every sender.
        Start(("Api:Token", ""), ("environment", Environments.Development), ("FORWARDEDHEADERS_ENABLED", "true"));

        using var response = await bot!.Http.SendAsync(FromRemoteClient());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the header was ignored: the caller is still this machine");
    }

    [Test]
    public async Task Behind_a_named_proxy_the_forwarded_client_address_is_the_caller()
    {
        Start(("Api:Token", ""), ("environment", Environments.Development), ("ForwardedHeaders:KnownProxies:0", "127.0.0.1"));

        using var remote = await bot!.Http.SendAsync(FromRemoteClient());
        using var local = await bot.Http.GetAsync("/api/incidents");

        Assert.That(remote.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(local.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("10.1.2.3", StatusCodes.Status403Forbidden)]
    [TestCase("127.0.0.1", StatusCodes.Status200OK)]
    [TestCase("::1", StatusCodes.Status200OK)]
    public async Task In_Development_without_a_token_a_remote_client_is_refused(string address, int expected)
    {
        var context = new DefaultHttpContext { RequestServices = new EmptyServices() };
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        var filter = new ApiAccess(Options.Create(new ApiOptions()), new Environment(Environments.Development));

        var result = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(context), _ => ValueTask.FromResult<object?>(Results.Ok()));

        Assert.That(((IStatusCodeHttpResult)result!).StatusCode, Is.EqualTo(expected));
    }

    private static HttpRequestMessage FromRemoteClient()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/incidents");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("Forwarded", "for=203.0.113.9");
        request.Headers.Add("X-Real-IP", "203.0.113.9");
        return request;
    }

    private void Start(params (string Key, string Value)[] settings) =>
        bot = BotHost.Start(
            database.Settings,
            slack: null,
            settings.ToDictionary(s => s.Key, s => (string?)s.Value),
            services => services.AddSingleton<ILoggerProvider>(logs));

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class Environment(string name) : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "IncidentBot";

        public string ContentRootPath { get; set; } = "";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;

        public string WebRootPath { get; set; } = "";

        public Microsoft.Extensions.FileProviders.IFileProvider WebRootFileProvider { get; set; } = null!;
    }
}
