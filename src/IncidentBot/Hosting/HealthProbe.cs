namespace IncidentBot.Hosting;

/// <summary>
/// <c>dotnet IncidentBot.dll healthcheck [url]</c>: asks a running bot's <c>/healthz</c> and exits 0 when it answers
/// 2xx, 1 otherwise. The container's HEALTHCHECK uses it because the ASP.NET runtime image has no curl or wget.
/// </summary>
internal static class HealthProbe
{
    public const string Command = "healthcheck";
    public const string DefaultUrl = "http://127.0.0.1:8080" + HealthEndpoints.LivenessPath;

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Command;

    public static async Task<int> Run(string[] args, TextWriter output)
    {
        var url = args.Length > 1 ? args[1] : DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            await output.WriteLineAsync($"healthcheck: '{url}' is not an absolute http(s) URL.");
            return 2;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(uri);
            await output.WriteLineAsync($"healthcheck: {uri} answered {(int)response.StatusCode}.");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"healthcheck: {uri} did not answer: {e.Message}");
            return 1;
        }
    }
}
