namespace IncidentBot.Registry;

/// <summary>Section <c>Registry</c>: where the expertise registry YAML is. Without the file the bot runs, paging off.</summary>
internal sealed class RegistryOptions
{
    public const string Section = "Registry";

    public string Path { get; set; } = "expertise.yaml";

    /// <summary>Relative to the current directory, where <c>dotnet run</c>, a service unit or a container starts.</summary>
    public string FullPath => System.IO.Path.GetFullPath(Path);

    public static IEnumerable<string> Validate(RegistryOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Path))
        {
            yield return $"Registry:Path must name the registry file (default expertise.yaml), was '{o.Path}'.";
        }
        else if (o.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            yield return $"Registry:Path contains characters not allowed in a path, was '{o.Path}'.";
        }
        else if (Directory.Exists(o.FullPath))
        {
            yield return $"Registry:Path must name a file, not a folder, was '{o.Path}'.";
        }
    }
}
