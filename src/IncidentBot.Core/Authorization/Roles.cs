namespace IncidentBot.Core.Authorization;

/// <summary>
/// The roles an <c>Authorization:&lt;Act&gt;</c> rule may list, besides registry person ids. Guests hold none of them:
/// a guest may only reply in a thread.
/// </summary>
public static class Roles
{
    /// <summary>Any member of the workspace or tenant who is not a guest.</summary>
    public const string Members = "members";

    /// <summary>The incident's owner (its declarer until someone acknowledges or takes over).</summary>
    public const string Owner = "owner";

    /// <summary>Whoever declared the incident.</summary>
    public const string Declarer = "declarer";

    /// <summary>Anyone the bot paged for the incident (any escalation level).</summary>
    public const string Paged = "paged";

    /// <summary>The registry's <c>deciders</c>.</summary>
    public const string Deciders = "deciders";

    /// <summary>The registry's <c>prod_access</c>.</summary>
    public const string ProdAccess = "prod_access";

    /// <summary>Members of the channel the incident's thread lives in (Slack <c>conversations.members</c>).</summary>
    public const string ChannelMembers = "channel_members";

    public static readonly IReadOnlyList<string> All = [Members, Owner, Declarer, Paged, Deciders, ProdAccess, ChannelMembers];

    /// <summary>Roles that only the expertise registry can fill; without one the declarer and the owner hold them.</summary>
    public static bool NeedsRegistry(string role) => role is Paged or Deciders or ProdAccess;

    /// <summary>How a refusal names the holders of a role.</summary>
    public static string Describe(string role, string incident) => role switch
    {
        Members => "any member who is not a guest",
        Owner => $"the owner of {incident}",
        Declarer => $"whoever declared {incident}",
        Paged => $"the people paged for {incident}",
        Deciders => "the deciders",
        ProdAccess => "the people with production access",
        ChannelMembers => $"the members of {incident}'s channel",
        _ => role,
    };
}
