using IncidentBot.Dashboard.Html;
using Markdig;
using Markdig.Syntax;

namespace IncidentBot.Dashboard.Incidents;

/// <summary>
/// The postmortem draft's Markdown as HTML. Raw HTML in it (a title or a note someone typed) is shown as text, not
/// obeyed: the draft quotes people, and people's words must not become markup. Its headings move one level down, to
/// sit under the page's own "Postmortem draft" heading.
/// </summary>
internal static class PostmortemHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();

    public static Markup Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(heading.Level + 1, 6);
        }

        return Markup.Trusted(document.ToHtml(Pipeline));
    }
}
