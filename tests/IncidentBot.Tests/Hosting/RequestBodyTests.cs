using System.Text;
using IncidentBot.Hosting;
using Microsoft.AspNetCore.Http;

namespace IncidentBot.Tests.Hosting;

/// <summary>The raw body that signatures are checked over: exactly the bytes sent, with or without a Content-Length.</summary>
internal sealed class RequestBodyTests
{
    private const int Limit = 64 * 1024;

    [TestCase(true, TestName = "with a Content-Length")]
    [TestCase(false, TestName = "chunked, without a Content-Length")]
    public async Task A_body_under_the_limit_is_read_byte_for_byte(bool withLength)
    {
        var sent = Encoding.UTF8.GetBytes("token=x&text=" + new string('é', 20_000));

        var read = await RequestBody.Read(Request(sent, withLength), Limit, CancellationToken.None);

        Assert.That(read, Is.EqualTo(sent));
    }

    [TestCase(true, TestName = "over the limit with a Content-Length")]
    [TestCase(false, TestName = "over the limit, chunked")]
    public async Task A_body_over_the_limit_is_refused(bool withLength)
    {
        var read = await RequestBody.Read(Request(new byte[Limit + 1], withLength), Limit, CancellationToken.None);

        Assert.That(read, Is.Null);
    }

    [Test]
    public async Task An_empty_body_is_empty()
    {
        Assert.That(await RequestBody.Read(Request([], withLength: true), Limit, CancellationToken.None), Is.Empty);
    }

    private static HttpRequest Request(byte[] body, bool withLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = withLength ? body.Length : null;
        return context.Request;
    }
}
