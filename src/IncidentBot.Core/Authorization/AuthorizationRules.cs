using IncidentBot.Core.Registry;

namespace IncidentBot.Core.Authorization;

/// <summary>Who may do one act: roles (see <see cref="Roles"/>) and registry person ids.</summary>
public sealed record Rule(IReadOnlySet<string> Roles, IReadOnlySet<string> People);

/// <summary>The rule of every act: the defaults of <see cref="Acts"/>, replaced act by act from configuration.</summary>
public sealed class AuthorizationRules
{
    private readonly Dictionary<string, Rule> rules;

    private AuthorizationRules(Dictionary<string, Rule> rules) => this.rules = rules;

    public static AuthorizationRules Default { get; } = Build(new Dictionary<string, IReadOnlyList<string>>(), ExpertiseRegistry.Empty).Rules!;

    public Rule this[string act] => rules.TryGetValue(act, out var rule)
        ? rule
        : throw new ArgumentException($"'{act}' is not an act that has a rule.", nameof(act));

    /// <summary>
    /// The rules with <paramref name="configured"/> (act name to the roles and ids it lists) over the defaults; or,
    /// when something there is not an act, a role or a person of <paramref name="registry"/>, the errors, each naming
    /// the setting and the value.
    /// </summary>
    public static (AuthorizationRules? Rules, IReadOnlyList<string> Errors) Build(
        IReadOnlyDictionary<string, IReadOnlyList<string>> configured, ExpertiseRegistry registry)
    {
        var errors = new List<string>();
        var rules = Acts.Defaults.ToDictionary(d => d.Key, d => ToRule(d.Value), StringComparer.OrdinalIgnoreCase);
        foreach (var (act, entries) in configured)
        {
            if (!Acts.Defaults.ContainsKey(act))
            {
                errors.Add($"Authorization:{act} is not an act; the acts are {string.Join(", ", Acts.Defaults.Keys)}.");
                continue;
            }

            var values = entries.Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
            if (values.Count == 0)
            {
                errors.Add($"Authorization:{act} lists nobody, which would let nobody {Acts.Describe(act)}; list roles or registry ids, or remove the setting for the default.");
                continue;
            }

            foreach (var value in values.Where(v => !Roles.All.Contains(v) && !registry.People.ContainsKey(v)))
            {
                errors.Add($"Authorization:{act} names '{value}', which is neither a role ({string.Join(", ", Roles.All)}) nor a person id in the expertise registry.");
            }

            rules[act] = ToRule(values);
        }

        return errors.Count == 0 ? (new AuthorizationRules(rules), []) : (null, errors);
    }

    private static Rule ToRule(IEnumerable<string> values)
    {
        var list = values.ToList();
        return new Rule(
            list.Where(Roles.All.Contains).ToHashSet(StringComparer.Ordinal),
            list.Where(v => !Roles.All.Contains(v)).ToHashSet(StringComparer.Ordinal));
    }
}
