using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IncidentBot.Teams;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IncidentBot.Tests.Support;

/// <summary>
/// Stands in for the Bot Framework's token issuer: an RSA key the tests generate, published as a JWKS with
/// endorsements, and tokens signed with it (or with a key nobody published, to show those are refused).
/// </summary>
internal sealed class TestAuthority : IDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    private readonly RSA rsa = RSA.Create(2048);
    private readonly RSA stranger = RSA.Create(2048);

    public string KeyId { get; } = "test-key-" + Guid.NewGuid().ToString("N")[..8];

    public IReadOnlyList<string> Endorsements { get; set; } = ["msteams"];

    /// <summary>The JWKS document, as login.botframework.com publishes it (with the extra endorsements member).</summary>
    public JsonObject Jwks()
    {
        var parameters = rsa.ExportParameters(false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)e)]),
        };
        return new JsonObject { ["keys"] = new JsonArray(key) };
    }

    public static JsonObject Metadata(string jwksUri) => new()
    {
        ["issuer"] = BotFrameworkTokenValidator.Issuer,
        ["authorization_endpoint"] = "https://invalid.botframework.com",
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    /// <summary>A Connector token for <paramref name="serviceUrl"/>; every part can be spoiled for a failure test.</summary>
    public string Token(
        string? serviceUrl,
        DateTimeOffset now,
        string issuer = BotFrameworkTokenValidator.Issuer,
        string audience = AppId,
        TimeSpan? lifetime = null,
        bool unknownKey = false)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var key = new RsaSecurityKey(unknownKey ? stranger : rsa) { KeyId = unknownKey ? "unknown-key" : KeyId };
        var life = lifetime ?? TimeSpan.FromHours(1);
        var notBefore = life < TimeSpan.Zero ? now + life - TimeSpan.FromMinutes(5) : now - TimeSpan.FromMinutes(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("appid", "d6d49420-f39b-4df7-a1dc-d59a935871db")]),
            Claims = claims,
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = (now + life).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose()
    {
        rsa.Dispose();
        stranger.Dispose();
    }
}
