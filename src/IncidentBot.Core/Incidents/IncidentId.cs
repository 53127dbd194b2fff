using System.Globalization;

namespace IncidentBot.Core.Incidents;

/// <summary>Incident ids are <c>INC-&lt;n&gt;</c>; URLs and commands also accept the bare number.</summary>
public static class IncidentId
{
    public static string Format(long number) => "INC-" + number.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out long number)
    {
        number = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var digits = text.StartsWith("INC-", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
        return digits.Length is > 0 and <= 18
            && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }
}
