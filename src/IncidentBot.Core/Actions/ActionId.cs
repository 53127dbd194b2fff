using System.Globalization;

namespace IncidentBot.Core.Actions;

/// <summary>Follow-up action ids are <c>A-&lt;n&gt;</c>, numbered across all incidents.</summary>
public static class ActionId
{
    public static string Format(long number) => "A-" + number.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out long number)
    {
        number = 0;
        if (text is null || !text.StartsWith("A-", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var digits = text[2..];
        return digits.Length is > 0 and <= 18
            && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }
}
