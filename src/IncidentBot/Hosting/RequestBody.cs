using System.Buffers;

namespace IncidentBot.Hosting;

/// <summary>Reads a request body as raw bytes (signatures are computed over exactly these), up to a limit.</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> Read(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        if (request.ContentLength is { } length)
        {
            // The usual case (Slack and the Bot Connector send Content-Length): one array of the right size, no copies.
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, ct);
            return body;
        }

        return await ReadChunked(request.Body, maxBytes, ct);
    }

    private static async Task<byte[]?> ReadChunked(Stream stream, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
