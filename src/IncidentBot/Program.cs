using IncidentBot.Api;
using IncidentBot.Handoff;
using IncidentBot.Hosting;
using IncidentBot.Local;
using IncidentBot.Paging;
using IncidentBot.Persistence;
using IncidentBot.Registry;
using IncidentBot.Runbook;
using IncidentBot.Scheduling;
using IncidentBot.Slack;
using IncidentBot.Status;
using IncidentBot.Teams;

// `dotnet run -- chat`: the terminal as the chat platform, no web server.
if (TerminalChat.IsRequested(args))
{
    return await TerminalChat.Run(args, Console.In, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddBuildOutputSettings();

// Storage (SQLite by default, PostgreSQL in production); migrations run before any worker starts.
builder.Services.AddPersistence(builder.Configuration);

// The incident core, and the durable inbox and outbox workers that connect it to the chat platforms.
builder.Services.AddIncidentCore();
builder.Services.AddDelivery(builder.Configuration);

// Who owns what (the registry file), paging and escalation, and the persistent scheduler behind the escalations.
builder.Services.AddRegistry(builder.Configuration);
builder.Services.AddPaging(builder.Configuration);
builder.Services.AddScheduling(builder.Configuration);
// End-of-day handoffs: nag the owner before their working day ends, record the handoff, escalate when nobody takes over.
builder.Services.AddHandoff(builder.Configuration);

// Rollback first, the runbook checklist and the nudges that keep the thread and the status page current.
builder.Services.AddRunbook(builder.Configuration);
// Status updates: the public status page, the stakeholder channels and, when configured, Atlassian Statuspage.
builder.Services.AddStatus(builder.Configuration);

// Chat platforms: each is off until its credentials are set.
builder.Services.AddSlack(builder.Configuration);
// Teams at /api/messages, outside the /api/incidents access filter: the Bot Connector's token is its authentication.
builder.Services.AddTeams(builder.Configuration);

// JSON API (health checks come with the features they check).
builder.Services.AddIncidentsApi(builder.Configuration);

var app = builder.Build();
app.LogSlackState();
app.LogTeamsState();
app.MapHealth();
app.MapIncidentsApi();
// The public status page: no authentication, public updates only.
app.MapStatusPage();
app.MapSlack();
app.MapTeams();
return await app.RunWithConfigurationCheck();
