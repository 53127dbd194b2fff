using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Status;

/// <summary>
/// Atlassian Statuspage's incidents API on a loopback port, written for the tests: records every call, creates
/// incidents with ids <c>sp-1</c>, <c>sp-2</c>, ..., patches them, lists the unresolved ones, and can be told to answer
/// the next calls with an error status, or to do the next creation and lose its answer, to show the bot's retries.
/// </summary>
internal sealed class FakeStatuspage : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<StatuspageCall> calls = new();
    private readonly ConcurrentQueue<int> failures = new();
    private readonly ConcurrentDictionary<string, JsonObject> incidents = new(StringComparer.Ordinal);
    private int loseNextAnswer;
    private int lookups;
    private int nextId;

    private FakeStatuspage(WebApplication app) => this.app = app;

    public string ApiBaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1/";

    /// <summary>Creations and patches; the look-ups of unresolved incidents are counted in <see cref="Lookups"/>.</summary>
    public IReadOnlyList<StatuspageCall> Calls => calls.ToList();

    public int Lookups => Volatile.Read(ref lookups);

    public static async Task<FakeStatuspage> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStatuspage(app);
        app.MapPost("/v1/pages/{page}/incidents", (string page, HttpRequest request) => fake.Answer(request, page, null));
        app.MapPatch("/v1/pages/{page}/incidents/{id}", (string page, string id, HttpRequest request) => fake.Answer(request, page, id));
        app.MapGet("/v1/pages/{page}/incidents/unresolved", (string page, HttpRequest request) => fake.Unresolved(request, page));
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next call answers with this HTTP status (and nothing is created or changed).</summary>
    public void FailNext(int status) => failures.Enqueue(status);

    /// <summary>The next call is carried out, then its connection is cut before the answer: the bot cannot know it worked.</summary>
    public void LoseNextAnswer() => Interlocked.Exchange(ref loseNextAnswer, 1);

    /// <summary>Forgets the calls, incidents and scripted failures of an earlier test.</summary>
    public void Reset()
    {
        calls.Clear();
        failures.Clear();
        incidents.Clear();
        Interlocked.Exchange(ref loseNextAnswer, 0);
        Interlocked.Exchange(ref lookups, 0);
        Interlocked.Exchange(ref nextId, 0);
    }

    private async Task<IResult> Answer(HttpRequest request, string page, string? id)
    {
        var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
        calls.Enqueue(new StatuspageCall(request.Method, page, id, request.Headers.Authorization.ToString(), body));
        if (failures.TryDequeue(out var status))
        {
            return Results.Json(new { error = "scripted failure" }, statusCode: status);
        }

        var incident = (body["incident"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        incident["id"] = id ?? $"sp-{Interlocked.Increment(ref nextId)}";
        var stored = incidents.AddOrUpdate(incident["id"]!.GetValue<string>(), incident, (_, old) => Merged(old, incident));
        if (Interlocked.Exchange(ref loseNextAnswer, 0) == 1)
        {
            request.HttpContext.Abort();
            return Results.Empty;
        }

        return Results.Json(stored, statusCode: id is null ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private IResult Unresolved(HttpRequest request, string page)
    {
        Interlocked.Increment(ref lookups);
        var open = incidents.Values.Where(i => i["status"]?.GetValue<string>() != "resolved").Select(i => i.DeepClone()).ToArray();
        return Results.Json(new JsonArray(open));
    }

    private static JsonObject Merged(JsonObject old, JsonObject patch)
    {
        var merged = (JsonObject)old.DeepClone();
        foreach (var (name, value) in patch)
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One call the bot made to the fake Statuspage; <see cref="IncidentId"/> is null for a creation.</summary>
internal sealed record StatuspageCall(string Method, string Page, string? IncidentId, string Authorization, JsonObject Body)
{
    public string? Field(string name) => Body["incident"]?[name]?.GetValue<string>();
}
