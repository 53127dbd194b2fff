using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

/// <summary>
/// Options bound by section name and checked at start-up: a misconfigured incident bot would fail during an
/// incident, so it fails before it starts, with messages naming the setting and the bad value.
/// </summary>
internal static class ValidatedOptions
{
    public static IServiceCollection AddValidatedOptions<T>(
        this IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> validate)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new Validator<T>(validate));
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
