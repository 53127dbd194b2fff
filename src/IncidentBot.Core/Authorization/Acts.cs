using IncidentBot.Core.Commands;

namespace IncidentBot.Core.Authorization;

/// <summary>
/// Everything a person can ask the bot to do, by the name its <c>Authorization:&lt;Act&gt;</c> setting uses, with who
/// may do it by default. Buttons and forms are commands too, so each act has one rule whatever the platform and whatever
/// way it is asked for. A new command adds its act and a line to <see cref="Of"/>.
/// </summary>
public static class Acts
{
    public const string Declare = "Declare";
    public const string List = "List";
    public const string Search = "Search";
    public const string Who = "Who";
    public const string Areas = "Areas";
    public const string OutOfOffice = "OutOfOffice";
    public const string Note = "Note";
    public const string Action = "Action";
    public const string Done = "Done";
    public const string Checklist = "Checklist";
    public const string Accept = "Accept";
    public const string Acknowledge = "Acknowledge";
    public const string Decline = "Decline";
    public const string RootCause = "RootCause";
    public const string ProdAccess = "ProdAccess";
    public const string Priority = "Priority";
    public const string PriorityAnswer = "PriorityAnswer";
    public const string ProdAccessAcknowledge = "ProdAccessAcknowledge";
    public const string Area = "Area";
    public const string Rollback = "Rollback";
    public const string RollbackAnswer = "RollbackAnswer";
    public const string Status = "Status";
    public const string Severity = "Severity";
    public const string Started = "Started";
    public const string Owner = "Owner";
    public const string Handoff = "Handoff";
    public const string Resolve = "Resolve";
    public const string Related = "Related";
    public const string Reverify = "Reverify";
    public const string Postmortem = "Postmortem";
    public const string Timeline = "Timeline";

    /// <summary>Writing the postmortem's impact, root cause and resolution (the dashboard).</summary>
    public const string EditPostmortem = "EditPostmortem";

    private static readonly string[] Responders = [Roles.Owner, Roles.Paged, Roles.Deciders];

    /// <summary>The defaults, which <c>Authorization:&lt;Act&gt;</c> replaces act by act.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Defaults = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        [Declare] = [Roles.Members],
        [List] = [Roles.Members],

        // Private incidents are left out of the results for those who may not read their timelines.
        [Search] = [Roles.Members],
        [Who] = [Roles.Members],
        [Areas] = [Roles.Members],
        [OutOfOffice] = [Roles.Members],
        [Note] = [Roles.Members],
        [Action] = [Roles.Members],
        [Done] = [Roles.Members],

        // When the impact began is a fact for the record, often found by whoever reads the graphs or the support queue.
        [Started] = [Roles.Members],
        [Checklist] = [Roles.Members],

        // Only the person a handoff names can accept it; the use case checks that, this keeps guests out.
        [Accept] = [Roles.Members],
        [Acknowledge] = Responders,

        // Only someone paged has a page to decline; the use case checks they were, this keeps everyone else out.
        [Decline] = [Roles.Paged],
        [Area] = [Roles.Owner, Roles.Declarer, Roles.Paged, Roles.Deciders],
        [Rollback] = [Roles.Owner, Roles.Deciders, Roles.ProdAccess],
        [RollbackAnswer] = Responders,
        [Status] = Responders,
        [RootCause] = Responders,
        [ProdAccess] = Responders,
        [Priority] = Responders,
        [PriorityAnswer] = [Roles.Deciders],
        [ProdAccessAcknowledge] = [Roles.ProdAccess],
        [Severity] = Responders,
        [Owner] = Responders,
        [Handoff] = Responders,
        [Resolve] = Responders,

        // A link is a fact for the record, like a note; the use case also needs the sender to see both incidents.
        [Related] = [Roles.Members],

        // Whether the earlier checks were repeated is part of the verification: those who may resolve answer it.
        [Reverify] = Responders,
        [Postmortem] = [Roles.ChannelMembers, Roles.Deciders],
        [Timeline] = [Roles.ChannelMembers, Roles.Deciders],

        // The people who ran the response write its account: the same people who may choose the area.
        [EditPostmortem] = [Roles.Owner, Roles.Declarer, Roles.Paged, Roles.Deciders],
    };

    /// <summary>
    /// The act a command asks for; null for help and usage, which anyone may read. A button that opens a form asks for
    /// the act of the command the form stands for (<c>ButtonActs</c>, beside the forms).
    /// </summary>
    public static string? Of(Command command) => command switch
    {
        DeclareCommand => Declare,
        ListCommand => List,
        SearchCommand => Search,
        WhoCommand => Who,
        AreasCommand => Areas,
        OutOfOfficeCommand or BackCommand => OutOfOffice,
        NoteCommand => Note,
        ActionCommand => Action,
        DoneCommand => Done,
        SevCommand => Severity,
        StartedCommand => Started,
        AckCommand => Acknowledge,
        DeclineCommand => Decline,
        RootCauseCommand => RootCause,
        ProdAccessCommand => ProdAccess,
        PriorityCommand => Priority,
        PriorityAnswerCommand => PriorityAnswer,
        RollbackCommand { Answer: Commands.RollbackAnswer.Yes } => Rollback,
        RollbackCommand => RollbackAnswer,
        StatusCommand => Status,
        OwnerCommand => Owner,
        HandoffCommand => Handoff,
        ResolveCommand => Resolve,
        RelatedCommand => Related,
        ReverifyCommand => Reverify,
        PostmortemCommand => Postmortem,
        AcceptCommand => Accept,
        TakeOverCommand => Owner,
        ProdAccessAckCommand => ProdAccessAcknowledge,
        AreaCommand => Area,
        RestoredCommand => RollbackAnswer,
        CheckCommand => Checklist,
        _ => null,
    };

    /// <summary>How a refusal names the act: "Only … may &lt;this&gt;."</summary>
    public static string Describe(string act) => act switch
    {
        Declare => "declare an incident",
        List => "list incidents",
        Search => "search incidents",
        Who or Areas => "look up owners",
        OutOfOffice => "mark themselves out of office",
        Note => "add notes",
        Action => "add follow-up actions",
        Done => "mark follow-up actions done",
        Severity => "change the severity",
        Started => "set when the impact started",
        Checklist => "tick off checklist steps",
        Accept => "accept a handoff",
        Acknowledge => "acknowledge",
        Decline => "decline a page",
        RootCause => "record the root cause",
        ProdAccess => "page the people with production access",
        Priority => "ask the deciders",
        PriorityAnswer => "answer for the deciders",
        ProdAccessAcknowledge => "acknowledge a page for production access",
        Area => "choose the area",
        Rollback => "roll back (this calls the production rollback webhook)",
        RollbackAnswer => "answer the rollback question",
        Status => "post status updates",
        Owner => "change the owner",
        Handoff => "hand it off",
        Resolve => "resolve it",
        Related => "relate incidents",
        Reverify => "say whether an earlier incident's checks were repeated",
        Postmortem => "read its postmortem",
        Timeline => "read its timeline",
        EditPostmortem => "edit its postmortem",
        _ => act,
    };
}
