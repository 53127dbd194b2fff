using IncidentBot.Dashboard.Html;
using Microsoft.AspNetCore.Antiforgery;

namespace IncidentBot.Dashboard.Access;

/// <summary>
/// Every form on the dashboard carries an anti-forgery token, and every POST is refused (400, with the reason) without
/// a valid one, before anything is read or stored.
/// </summary>
internal static class Forms
{
    public const string AntiforgeryField = "__csrf";

    public static Markup Token(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return Markup.Of($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
    }

    /// <summary>The posted form, or null (and the answer to give) when it is not one of ours.</summary>
    public static async Task<(IFormCollection? Form, IResult? Refusal)> Read(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return (null, Results.Problem("Send the form as application/x-www-form-urlencoded.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        if (!await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return (null, Results.Problem(
                "The form's anti-forgery token is missing or stale: reload the page and send it again. Nothing was changed.",
                statusCode: StatusCodes.Status400BadRequest));
        }

        return (await http.Request.ReadFormAsync(http.RequestAborted), null);
    }
}
