using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IncidentBot.Core.Tests;

/// <summary>The repository's C# sources, read from the clone the tests run in, for the tests that hold rules about the code itself.</summary>
internal static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string Core => Path.Combine(Root, "src", "IncidentBot.Core");

    /// <summary>Every .cs file under <paramref name="directory"/>, build output left out.</summary>
    public static IEnumerable<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview, DocumentationMode.Parse);

    public static SyntaxTree Parse(string file) => CSharpSyntaxTree.ParseText(File.ReadAllText(file), Options, file);

    /// <summary>
    /// The core compiled here as the build compiles it (its implicit usings and the assemblies this test runs with), so
    /// every name can be resolved to what it really means.
    /// </summary>
    public static CSharpCompilation CompileCore()
    {
        var implicitUsings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
            "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
            Options);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => !Path.GetFileName(path).StartsWith("IncidentBot", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path));
        return CSharpCompilation.Create(
            "IncidentBot.Core.Layers",
            [implicitUsings, .. Files(Core).Select(Parse)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "src", "IncidentBot.Core", "IncidentBot.Core.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No src/IncidentBot.Core above {TestContext.CurrentContext.TestDirectory}: run the tests from a clone.");
    }
}
