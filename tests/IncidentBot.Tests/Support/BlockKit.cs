using System.Text.Json.Nodes;

namespace IncidentBot.Tests.Support;

/// <summary>
/// Slack's published rules for a Home tab view, checked on what the bot sends: the block types it uses, at most 100
/// blocks, text lengths (section 3,000, header 150, button 75), unique action ids. Returns what breaks them.
/// </summary>
internal static class BlockKit
{
    public static List<string> Problems(JsonObject view)
    {
        var problems = new List<string>();
        if (view["type"]?.GetValue<string>() != "home")
        {
            problems.Add("the view's type is not home");
        }

        var blocks = view["blocks"]?.AsArray() ?? [];
        if (blocks.Count is 0 or > 100)
        {
            problems.Add($"{blocks.Count} blocks (1 to 100 allowed)");
        }

        var actionIds = new List<string>();
        foreach (var block in blocks.Select(b => b!.AsObject()))
        {
            var type = block["type"]!.GetValue<string>();
            switch (type)
            {
                case "header":
                    Text(block["text"], "plain_text", 150, problems);
                    break;
                case "section":
                    Text(block["text"], "mrkdwn", 3000, problems);
                    if (block["accessory"] is JsonObject accessory)
                    {
                        Button(accessory, actionIds, problems);
                    }

                    break;
                case "actions":
                    var elements = block["elements"]!.AsArray();
                    if (elements.Count is 0 or > 25)
                    {
                        problems.Add($"an actions block with {elements.Count} elements");
                    }

                    foreach (var element in elements)
                    {
                        Button(element!.AsObject(), actionIds, problems);
                    }

                    break;
                case "context":
                    foreach (var element in block["elements"]!.AsArray())
                    {
                        Text(element, "mrkdwn", 3000, problems);
                    }

                    break;
                case "divider":
                    break;
                default:
                    problems.Add($"block type '{type}'");
                    break;
            }
        }

        if (actionIds.Distinct(StringComparer.Ordinal).Count() != actionIds.Count)
        {
            problems.Add("action ids repeat");
        }

        return problems;
    }

    /// <summary>The text of each block (sections, headers, the first element of a context), "" for the others.</summary>
    public static List<string> Texts(JsonObject view) =>
        view["blocks"]!.AsArray().Select(b => b!["type"]!.GetValue<string>() switch
        {
            "section" or "header" => b!["text"]!["text"]!.GetValue<string>(),
            "context" => b!["elements"]![0]!["text"]!.GetValue<string>(),
            _ => "",
        }).ToList();

    private static void Button(JsonObject button, List<string> actionIds, List<string> problems)
    {
        if (button["type"]?.GetValue<string>() != "button")
        {
            problems.Add("an element that is not a button");
        }

        Text(button["text"], "plain_text", 75, problems);
        var actionId = button["action_id"]?.GetValue<string>() ?? "";
        if (actionId.Length is 0 or > 255)
        {
            problems.Add($"action id '{actionId}'");
        }

        actionIds.Add(actionId);
    }

    private static void Text(JsonNode? text, string type, int max, List<string> problems)
    {
        var value = text?["text"]?.GetValue<string>() ?? "";
        if (text?["type"]?.GetValue<string>() != type || value.Length is 0 || value.Length > max)
        {
            problems.Add($"{type} text of {value.Length} characters (1 to {max}): {value[..Math.Min(40, value.Length)]}");
        }
    }
}
