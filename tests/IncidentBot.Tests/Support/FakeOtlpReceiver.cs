using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Support;

/// <summary>
/// An OTLP/HTTP collector on a loopback port, written for the tests: keeps every export request (path, content type,
/// body) and answers 200 with an empty protobuf body, as a collector does. The body is not decoded: names of spans and
/// metrics are plain UTF-8 inside the protobuf, which is enough to see what arrived.
/// </summary>
internal sealed class FakeOtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<OtlpExport> exports = new();

    private FakeOtlpReceiver(WebApplication app) => this.app = app;

    public string Endpoint => app.Urls.First();

    public IReadOnlyList<OtlpExport> Exports => [.. exports];

    public static async Task<FakeOtlpReceiver> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeOtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            fake.exports.Enqueue(new OtlpExport("/v1/" + signal, request.ContentType ?? "", body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed record OtlpExport(string Path, string ContentType, byte[] Body)
{
    public bool Mentions(string name) => System.Text.Encoding.UTF8.GetString(Body).Contains(name, StringComparison.Ordinal);
}
