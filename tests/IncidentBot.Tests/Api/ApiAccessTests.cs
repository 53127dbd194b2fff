using System.Net;
using IncidentBot.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IncidentBot.Tests.Api;

/// <summary>The remote-client rule, which a loopback test host cannot show: clients elsewhere get 403 without a token.</summary>
internal sealed class ApiAccessTests
{
    [TestCase("10.1.2.3", StatusCodes.Status403Forbidden)]
    [TestCase("127.0.0.1", StatusCodes.Status200OK)]
    [TestCase("::1", StatusCodes.Status200OK)]
    public async Task Without_a_token_only_loopback_clients_are_answered(string address, int expected)
    {
        var context = new DefaultHttpContext { RequestServices = new EmptyServices() };
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        var filter = new ApiAccess(Options.Create(new ApiOptions()));

        var result = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(context), _ => ValueTask.FromResult<object?>(Results.Ok()));

        Assert.That(((IStatusCodeHttpResult)result!).StatusCode, Is.EqualTo(expected));
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
