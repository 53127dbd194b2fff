using System.Reflection;

namespace IncidentBot.Tests.Deploy;

/// <summary>
/// Which environment variable names the bot (or a tool beside it) actually reads: <c>Section__Key</c> for every
/// options class with a <c>Section</c> constant, and a short list of framework and tool variables. A misspelt
/// variable in a deploy file would be silently ignored by the bot; this turns it into a failing test.
/// </summary>
internal static class SettingNames
{
    /// <summary>Read by ASP.NET Core, .NET, the OpenTelemetry SDK or the PostgreSQL image, not by an options class.</summary>
    private static readonly HashSet<string> Framework = new(StringComparer.Ordinal)
    {
        "Urls", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_ENVIRONMENT", "POSTGRES_PASSWORD",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_SERVICE_NAME",
        "ConnectionStrings__IncidentBot", "Logging__Console__FormatterName",
    };

    private static readonly Dictionary<string, Dictionary<string, PropertyInfo>> Sections = typeof(Program).Assembly.GetTypes()
        .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
        .Where(t => t.Section is not null)
        .GroupBy(t => t.Section!, StringComparer.Ordinal)
        .ToDictionary(
            g => g.Key,
            g => g.SelectMany(t => t.Type.GetProperties()).Where(p => p.CanWrite).ToDictionary(p => p.Name, StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>Null when the bot reads the variable; otherwise why it would be ignored.</summary>
    public static string? Problem(string variable)
    {
        if (Framework.Contains(variable))
        {
            return null;
        }

        var parts = variable.Split("__");
        if (parts.Length < 2 || !Sections.TryGetValue(parts[0], out var properties))
        {
            return $"{variable}: no settings section '{parts[0]}' (known: {string.Join(", ", Sections.Keys.Order())})";
        }

        if (!properties.TryGetValue(parts[1], out var property))
        {
            return $"{variable}: section {parts[0]} has no setting '{parts[1]}' (known: {string.Join(", ", properties.Keys.Order())})";
        }

        var isLeaf = property.PropertyType == typeof(string) || Nullable.GetUnderlyingType(property.PropertyType) is not null || property.PropertyType.IsValueType;
        return isLeaf && parts.Length > 2 ? $"{variable}: {parts[0]}:{parts[1]} is a single value" : null;
    }
}
