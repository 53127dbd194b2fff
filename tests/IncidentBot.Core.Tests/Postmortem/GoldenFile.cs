using System.Runtime.CompilerServices;

namespace IncidentBot.Core.Tests.Postmortem;

/// <summary>
/// Compares a draft with its reviewed copy in <c>Postmortem/Golden</c>. With <c>UPDATE_GOLDEN=1</c> the copy in the
/// source tree is rewritten instead, to be read and committed like any other change.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(Path.GetDirectoryName(callerFile)!, "Golden", name);
            File.WriteAllText(source, actual);
            Assert.Pass($"Rewrote {source}: review the difference before committing it.");
        }

        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Postmortem", "Golden", name);
        Assert.That(File.Exists(path), Is.True, $"{name} is missing: run the tests once with UPDATE_GOLDEN=1 and review it.");

        // A checkout that turns line endings into CRLF should not fail the comparison.
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.That(actual, Is.EqualTo(expected), $"The draft differs from {name}; if the change is intended, rerun with UPDATE_GOLDEN=1 and review.");
    }
}
