using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace IncidentBot.Dashboard.Html;

/// <summary>
/// HTML that is safe to write as is. Built with <see cref="Of"/> from an interpolated string whose holes are encoded
/// unless they are <see cref="Markup"/> already: a title, a note or a Markdown heading from the database can never
/// become markup on a dashboard page, and forgetting to encode is impossible rather than merely caught in review.
/// </summary>
internal readonly record struct Markup(string Value)
{
    public static Markup Empty { get; } = new("");

    public static Markup Of(ref Builder html) => new(html.ToString());

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    /// <summary>For text that is markup by construction (rendered Markdown with raw HTML disabled, constant SVG).</summary>
    public static Markup Trusted(string html) => new(html);

    public override string ToString() => Value;

    [InterpolatedStringHandler]
    internal readonly ref struct Builder(int literalLength, int formattedCount)
    {
        private readonly StringBuilder text = new(literalLength + (formattedCount * 16));

        public void AppendLiteral(string literal) => text.Append(literal);

        public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

        public void AppendFormatted<T>(T value, string? format)
        {
            switch (value)
            {
                case Markup markup:
                    text.Append(markup.Value);
                    break;
                case IFormattable formattable:
                    text.Append(HtmlEncoder.Default.Encode(formattable.ToString(format, CultureInfo.InvariantCulture)));
                    break;
                case not null:
                    text.Append(HtmlEncoder.Default.Encode(value.ToString() ?? ""));
                    break;
            }
        }

        public override string ToString() => text.ToString();
    }
}
