using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Support;

/// <summary>An HTTP receiver on a loopback port (a deploy pipeline's webhook, say): records requests, answers as scripted.</summary>
internal sealed class FakeWebhook : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> statuses = new();
    private readonly ConcurrentQueue<TimeSpan> delays = new();
    private readonly ConcurrentQueue<WebhookCall> calls = new();
    private int generation;

    private FakeWebhook(WebApplication app) => this.app = app;

    public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/rollback";

    public IReadOnlyList<WebhookCall> Calls => [.. calls];

    public static async Task<FakeWebhook> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeWebhook(app);
        app.MapPost("/rollback", fake.Receive);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next requests answer these statuses, in order; after them, 202.</summary>
    public void AnswerNext(params int[] codes)
    {
        foreach (var code in codes)
        {
            statuses.Enqueue(code);
        }
    }

    /// <summary>The next request is answered only after this long (a hung pipeline).</summary>
    public void DelayNext(TimeSpan delay) => delays.Enqueue(delay);

    /// <summary>
    /// Forgets the calls and scripted answers of an earlier test, for the next test on a shared host. A request still
    /// held by <see cref="DelayNext"/> is not recorded when it ends: it belongs to the earlier test.
    /// </summary>
    public void Reset()
    {
        Interlocked.Increment(ref generation);
        statuses.Clear();
        delays.Clear();
        calls.Clear();
    }

    private async Task<IResult> Receive(HttpRequest request)
    {
        var started = Volatile.Read(ref generation);
        if (delays.TryDequeue(out var delay))
        {
            await Task.Delay(delay);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        if (started != Volatile.Read(ref generation))
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        calls.Enqueue(new WebhookCall(body.ToArray(), request.Headers["X-IncidentBot-Timestamp"].ToString(), request.Headers["X-IncidentBot-Signature"].ToString()));
        return statuses.TryDequeue(out var status) ? Results.StatusCode(status) : Results.Text("rollback of deploy 481 started", statusCode: 202);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed record WebhookCall(byte[] Body, string Timestamp, string Signature);
