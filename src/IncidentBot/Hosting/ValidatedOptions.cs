using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

/// <summary>
/// Options bound by section name and checked at start-up: a misconfigured incident bot would fail during an
/// incident, so it fails before it starts, with messages naming the setting and the bad value.
/// </summary>
internal static class ValidatedOptions
{
    /// <summary>Options bound from the configuration section <paramref name="section"/>: the usual case.</summary>
    public static IServiceCollection AddValidatedOptions<T>(
        this IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> validate)
        where T : class =>
        services.AddValidatedOptions<T>(options => configuration.GetSection(section).Bind(options), (_, options) => validate(options));

    /// <summary>
    /// Options read by hand (<paramref name="read"/>), or checked against what only the running host knows (its
    /// environment, the registry): the validator gets the host's services.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<T>(
        this IServiceCollection services, Action<T> read, Func<IServiceProvider, T, IEnumerable<string>> validate)
        where T : class
    {
        services.AddOptions<T>().Configure(read).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(provider => new Validator<T>(options => validate(provider, options)));
        return services;
    }

    private sealed class Validator<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = validate(options).ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
