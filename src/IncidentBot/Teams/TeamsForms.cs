using System.Text.Json.Nodes;
using IncidentBot.Core.Chat;

namespace IncidentBot.Teams;

/// <summary>
/// A core form as a card with inputs and one <c>Action.Submit</c>: Teams sends the inputs back merged into the
/// action's data (<c>{form, state, …}</c>), which <see cref="TeamsActivityReader"/> hands to the core's form handler.
/// Teams checks required inputs before it submits; the core checks again.
/// </summary>
internal static class TeamsForms
{
    public static JsonObject Render(ChatForm form)
    {
        var body = new JsonArray(new JsonObject
        {
            ["type"] = "TextBlock", ["text"] = TeamsText.Escape(form.Title), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true,
        });
        foreach (var field in form.Fields)
        {
            body.Add(Input(field));
        }

        var card = TeamsCards.Card(body);
        card["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = form.SubmitLabel,
            ["style"] = "positive",
            ["data"] = new JsonObject { ["form"] = form.Id, ["state"] = form.State },
        });
        return TeamsCards.Activity(card, form.Title);
    }

    private static JsonObject Input(ChatFormField field)
    {
        var input = new JsonObject { ["id"] = field.Id, ["label"] = field.Label, ["isRequired"] = field.Required };
        if (field.Required)
        {
            input["errorMessage"] = $"{field.Label} is required.";
        }

        if (field.Options is { } options)
        {
            input["type"] = "Input.ChoiceSet";
            input["style"] = "compact";
            input["choices"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["title"] = o.Label, ["value"] = o.Value })]);
            return input;
        }

        input["type"] = "Input.Text";
        input["isMultiline"] = field.Multiline;
        if (field.Initial is { } initial)
        {
            input["value"] = initial;
        }

        if (field.Hint is { } hint)
        {
            input["placeholder"] = hint;
        }

        return input;
    }
}
