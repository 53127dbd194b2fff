namespace IncidentBot.Core.Paging;

/// <summary>The buttons of a page and of the area question, by the action id a press comes back with.</summary>
public static class PageButtons
{
    public const string Acknowledge = "ack";
    public const string ChooseArea = "area";
    public const string Decline = "decline";
}
