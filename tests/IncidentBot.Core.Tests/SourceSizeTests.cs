using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IncidentBot.Core.Tests;

/// <summary>Small files and short methods in <c>src/</c>, so each piece can be read in one sitting.</summary>
public sealed class SourceSizeTests
{
    private const int MaxFileLines = 300;
    private const int MaxMethodLines = 60;

    private static IEnumerable<string> Sources => SourceTree.Files(Path.Combine(SourceTree.Root, "src"));

    [Test]
    public void No_source_file_is_over_300_lines()
    {
        var tooLong = Sources.Select(f => (File: Relative(f), Lines: File.ReadAllLines(f).Length)).Where(f => f.Lines > MaxFileLines);
        Assert.That(tooLong.Select(f => $"{f.File}: {f.Lines} lines"), Is.Empty);
    }

    [Test]
    public void No_method_is_over_60_lines()
    {
        var tooLong = Sources.SelectMany(file => SourceTree.Parse(file).GetRoot().DescendantNodes()
                .Where(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax)
                .Select(n => (Where: $"{Relative(file)}:{Line(n)}", Lines: Lines(n))))
            .Where(m => m.Lines > MaxMethodLines);
        Assert.That(tooLong.Select(m => $"{m.Where}: {m.Lines} lines"), Is.Empty);
    }

    [Test]
    public void The_method_count_sees_the_methods()
    {
        // A check that found no methods would pass any code.
        var methods = SourceTree.Parse(Path.Combine(SourceTree.Core, "IncidentCoreExtensions.cs")).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>();
        Assert.That(methods.Select(m => m.Identifier.Text), Does.Contain("AddIncidentCore"));
        Assert.That(methods.Max(Lines), Is.GreaterThan(10));
    }

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static int Lines(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
    }

    private static string Relative(string file) => Path.GetRelativePath(SourceTree.Root, file).Replace(Path.DirectorySeparatorChar, '/');
}
