using IncidentBot.Core.Authorization;
using IncidentBot.Core.Registry;
using Microsoft.Extensions.Options;

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

    /// <summary>Checked against the registry read at start-up, so a misspelt id or role stops the bot before an incident needs it.</summary>
    internal sealed class Validator(IRegistrySource registry) : IValidateOptions<AuthorizationOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthorizationOptions options)
        {
            var (_, errors) = AuthorizationRules.Build(options.Acts, registry.Current);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
