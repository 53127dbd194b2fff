using System.Text.RegularExpressions;
using IncidentBot.Tests.Deploy;

namespace IncidentBot.Tests;

/// <summary>
/// Keeps the host tests findable: a test of <c>src/IncidentBot/Slack/SocketMode</c> is in <c>Slack/SocketMode</c>, a
/// flow that crosses platforms sits beside its feature in the core (<c>Paging/</c>, <c>Search/</c>), and the checks
/// of the deployment files mirror <c>deploy/</c>. Folders holding only sample payloads are data, not tests.
/// </summary>
internal sealed partial class TestFoldersTests
{
    private static readonly string Tests = Path.Combine(DeployFiles.Repo, "tests", "IncidentBot.Tests");

    [Test]
    public void Every_host_test_folder_mirrors_a_source_folder()
    {
        var unmatched = TestFolders().Where(folder => !Mirrored(folder));
        Assert.That(unmatched, Is.Empty, "host test folders with no folder of the same path in src/IncidentBot, src/IncidentBot.Core or deploy/");
    }

    [Test]
    public void Every_host_test_file_is_in_the_namespace_of_its_folder()
    {
        var wrong = TestFolders().Prepend(string.Empty)
            .SelectMany(folder => Directory.GetFiles(Path.Combine(Tests, folder), "*.cs").Select(file => (Folder: folder, File: file)))
            .Select(f => (Path: Path.GetRelativePath(Tests, f.File), Expected: Expected(f.Folder), Actual: NamespaceOf(f.File)))
            .Where(f => f.Actual != f.Expected)
            .Select(f => $"{f.Path}: {f.Actual}, expected {f.Expected}");
        Assert.That(wrong, Is.Empty);
    }

    /// <summary>Relative paths with '/' of every folder holding C# files, Support and build output excepted.</summary>
    private static IEnumerable<string> TestFolders() =>
        Directory.GetDirectories(Tests, "*", SearchOption.AllDirectories)
            .Select(dir => Path.GetRelativePath(Tests, dir).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(dir => dir.Split('/')[0] is not ("bin" or "obj" or "Support"))
            .Where(dir => Directory.GetFiles(Path.Combine(Tests, dir), "*.cs").Length > 0)
            .Order(StringComparer.Ordinal);

    private static bool Mirrored(string folder) =>
        Directory.Exists(Path.Combine(DeployFiles.Repo, "src", "IncidentBot", folder))
        || Directory.Exists(Path.Combine(DeployFiles.Repo, "src", "IncidentBot.Core", folder))
        || (folder.Split('/')[0] == "Deploy" && Directory.Exists(Path.Combine(DeployFiles.Repo, "deploy", folder[6..].TrimStart('/'))));

    private static string Expected(string folder) => folder.Length == 0 ? "IncidentBot.Tests" : "IncidentBot.Tests." + folder.Replace('/', '.');

    private static string? NamespaceOf(string file) => Namespace().Match(File.ReadAllText(file)) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
