using static IncidentBot.Tests.Hosting.HostileRequest;

namespace IncidentBot.Tests.Hosting;

/// <summary>
/// Hostile requests against every public endpoint. None may get a 5xx; each gets a 4xx, or the 200 Slack requires for
/// a signed request nothing acts on, or (the public status page) an ordinary page.
/// </summary>
internal static partial class HostileCorpus
{
    /// <summary>Every request, named uniquely (bodies cut short in their names may look alike).</summary>
    public static IEnumerable<HostileRequest> All()
    {
        var seen = new Dictionary<string, int>();
        foreach (var request in Slack().Concat(Teams()).Concat(Api()).Concat(StatusPage()))
        {
            var count = seen[request.Name] = seen.GetValueOrDefault(request.Name) + 1;
            yield return count == 1 ? request : request with { Name = $"{request.Name} #{count}" };
        }
    }

    private static IEnumerable<HostileRequest> Api()
    {
        string[] paths = ["/api/incidents", "/api/incidents/1", "/api/incidents/INC-1/postmortem", "/api/incidents/banana", "/api/nothing-here"];
        foreach (var path in paths)
        {
            yield return new($"api {path}: no token", _ => Raw(HttpMethod.Get, path));
            foreach (var header in new[] { "Bearer wrong-token-0123456789", "Bearer", "Basic dXNlcjpwYXNz", "Token api-token-for-hostile-tests-0123", "Bearer  api-token-for-hostile-tests-012" })
            {
                yield return new($"api {path}: Authorization '{header}'", _ => WithAuthorization(Raw(HttpMethod.Get, path), header));
            }

            yield return new($"api {path}: loopback claimed in forwarded headers", _ => Forwarded(Raw(HttpMethod.Get, path)));
        }

        yield return new("api: token in the query string", c => Raw(HttpMethod.Get, "/api/incidents?access_token=" + c.ApiToken));
        yield return new("api: 20 KB Authorization header", _ => WithAuthorization(Raw(HttpMethod.Get, "/api/incidents"), "Bearer " + new string('a', 20_000)));
        string[] ids = ["banana", "INC-", "INC-0", "INC--1", "-1", "99999999999999999999999", "INC-1%00", "%2e%2e%2fstatus", "%F0%9F%92%A5", "1;DROP TABLE incidents"];
        foreach (var id in ids)
        {
            yield return new($"api with token: incident '{id}'", c => WithAuthorization(Raw(HttpMethod.Get, $"/api/incidents/{id}"), "Bearer " + c.ApiToken), [400, 404]);
            yield return new($"api with token: postmortem of '{id}'", c => WithAuthorization(Raw(HttpMethod.Get, $"/api/incidents/{id}/postmortem"), "Bearer " + c.ApiToken), [400, 404]);
        }

        yield return new("api with token: POST to the list", c => WithAuthorization(Raw(HttpMethod.Post, "/api/incidents", Utf8("{\"title\":\"x\"}"), "application/json"), "Bearer " + c.ApiToken), [405]);
        yield return new("api with token: DELETE an incident", c => WithAuthorization(Raw(HttpMethod.Delete, "/api/incidents/1"), "Bearer " + c.ApiToken), [405]);
    }

    private static IEnumerable<HostileRequest> StatusPage()
    {
        foreach (var path in new[] { "/status", "/status.json" })
        {
            yield return new($"{path}: POST", _ => Raw(HttpMethod.Post, path, Utf8("{}"), "application/json"), [405]);
            yield return new($"{path}: DELETE", _ => Raw(HttpMethod.Delete, path), [405]);
            yield return new($"{path}: PUT", _ => Raw(HttpMethod.Put, path, Utf8("x"), "text/plain"), [405]);
            yield return new($"{path}: a script in the query", _ => Raw(HttpMethod.Get, path + "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"), [200]);
            yield return new($"{path}: forwarded headers and odd Accept", _ => Accepting(Forwarded(Raw(HttpMethod.Get, path))), [200]);
            yield return new($"{path}: a body on GET", _ => Raw(HttpMethod.Get, path, Utf8("{\"a\":"), "application/json"), [200]);
        }
    }

    private static HttpRequestMessage WithAuthorization(HttpRequestMessage request, string header)
    {
        request.Headers.TryAddWithoutValidation("Authorization", header);
        return request;
    }

    private static HttpRequestMessage Forwarded(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "127.0.0.1");
        request.Headers.TryAddWithoutValidation("Forwarded", "for=127.0.0.1;proto=https");
        request.Headers.TryAddWithoutValidation("X-Real-IP", "127.0.0.1");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        return request;
    }

    private static HttpRequestMessage Accepting(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("Accept", "application/x-evil, */*;q=garbage");
        return request;
    }
}
