using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IncidentBot.Core.Tests;

/// <summary>
/// The core's folders form layers: a folder may use the folders below it, never one above it, so no two folders use
/// each other. Every name in the core is resolved by the compiler (constants and doc references too), so a use that
/// hides behind a partly qualified name still counts. A new folder goes into this list where it belongs.
/// </summary>
public sealed class CoreLayersTests
{
    /// <summary>Bottom to top.</summary>
    private static readonly string[] Layers =
    [
        // Base: incidents and their store, the timeline, the chat port, reminders, the registry (and roster).
        "Registry", "Timeline", "Incidents", "Chat", "Reminders", "Actions",
        // Shared by the use cases: the typed commands and their grammar, who may do what, the Home pages.
        "Commands", "Authorization", "Home",
        // Use cases, one per file; a use case may call one in a folder below it.
        "Paging", "Handoff", "Owners", "Runbook", "Status", "Postmortem", "Impact", "FollowUps", "Replies", "Search",
        "Resolve", "Declaration", "Alerts", "Insights",
        // Top: the command, button and form dispatchers.
        "Dispatch",
    ];

    private static readonly Lazy<IReadOnlyList<FolderUse>> Uses = new(FindUses);

    [Test]
    public void Every_core_folder_has_its_place_in_the_layers()
    {
        var folders = Directory.GetDirectories(SourceTree.Core).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj"));
        Assert.That(folders.Except(Layers), Is.Empty, "a core folder that is in no layer: add it to CoreLayersTests.Layers");
    }

    [Test]
    public void Every_test_folder_mirrors_a_core_folder()
    {
        var tests = Path.Combine(SourceTree.Root, "tests", "IncidentBot.Core.Tests");
        var folders = Directory.GetDirectories(tests).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj" or "Support"));
        Assert.That(folders.Except(Layers), Is.Empty, "a core test folder with no source folder of the same name");
    }

    [Test]
    public void Every_core_file_is_in_the_namespace_of_its_folder()
    {
        var wrong = SourceTree.Files(SourceTree.Core)
            .Select(file => (File: Relative(file), Namespace: SourceTree.Parse(file).GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Single().Name.ToString()))
            .Where(f => f.Namespace != Expected(f.File))
            .Select(f => $"{f.File}: {f.Namespace}");
        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void No_core_folder_uses_a_folder_above_it_or_beside_it()
    {
        var upward = Uses.Value
            .Where(u => Array.IndexOf(Layers, u.To) >= Array.IndexOf(Layers, u.From))
            .Select(u => $"{u.From} uses {u.To}, which is not below it: {u.File} ({u.Symbol})")
            .Distinct();
        Assert.That(upward, Is.Empty);
    }

    [Test]
    public void The_layer_check_sees_uses_between_folders()
    {
        // A check that found nothing would pass every code: the dispatchers do use the use cases.
        Assert.That(Uses.Value.Any(u => u.From == "Dispatch" && u.To == "Declaration"), Is.True);
        Assert.That(Uses.Value.Any(u => u.From == "Paging" && u.To == "Timeline"), Is.True);
    }

    private static List<FolderUse> FindUses()
    {
        var compilation = SourceTree.CompileCore();
        var uses = new List<FolderUse>();
        foreach (var tree in compilation.SyntaxTrees.Where(t => t.FilePath.Length > 0))
        {
            var from = FolderOf(Relative(tree.FilePath));
            var model = compilation.GetSemanticModel(tree);
            // CS8795: the regex source generator, which does not run here, writes the other half of [GeneratedRegex] methods.
            var errors = model.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795");
            Assert.That(errors, Is.Empty, "the core must compile here for its names to be resolved");
            foreach (var name in tree.GetRoot().DescendantNodes(descendIntoTrivia: true).OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                if (from is not null && FolderOf(symbol) is { } to && to != from)
                {
                    uses.Add(new FolderUse(from, to, Relative(tree.FilePath), symbol!.ToDisplayString()));
                }
            }
        }

        return uses;
    }

    /// <summary>The core folder a symbol is declared in: its type's namespace <c>IncidentBot.Core.&lt;Folder&gt;</c>.</summary>
    private static string? FolderOf(ISymbol? symbol)
    {
        var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
        var name = type?.ContainingNamespace?.ToDisplayString() ?? "";
        return name.StartsWith("IncidentBot.Core.", StringComparison.Ordinal) ? name.Split('.')[2] : null;
    }

    /// <summary>Null for the composition root at the top of the project, which registers every layer.</summary>
    private static string? FolderOf(string relative) => relative.Contains('/', StringComparison.Ordinal) ? relative.Split('/')[0] : null;

    private static string Expected(string relative) => FolderOf(relative) is { } folder ? $"IncidentBot.Core.{folder}" : "IncidentBot.Core";

    private static string Relative(string file) => Path.GetRelativePath(SourceTree.Core, file).Replace(Path.DirectorySeparatorChar, '/');

    private sealed record FolderUse(string From, string To, string File, string Symbol);
}
