using IncidentBot.Core.Authorization;

namespace IncidentBot.Authorization;

/// <summary>
/// Section <c>Authorization</c>: one entry per act (<c>Authorization:Rollback</c>) listing roles and registry person
/// ids, as a comma-separated string or a list. Acts not named keep their default (see <see cref="Acts.Defaults"/>).
/// </summary>
internal sealed class AuthorizationOptions
{
    public const string Section = "Authorization";

    public Dictionary<string, IReadOnlyList<string>> Acts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static void Read(AuthorizationOptions options, IConfiguration configuration)
    {
        foreach (var act in configuration.GetSection(Section).GetChildren())
        {
            options.Acts[act.Key] = act.Value is { } list
                ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : act.GetChildren().Select(c => c.Value?.Trim() ?? "").ToList();
        }
    }
}
