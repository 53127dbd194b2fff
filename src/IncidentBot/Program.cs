using IncidentBot.Alerts;
using IncidentBot.Api;
using IncidentBot.Dashboard;
using IncidentBot.Hosting;
using IncidentBot.Local;
using IncidentBot.Slack;
using IncidentBot.Status;
using IncidentBot.Teams;
using IncidentBot.Telemetry;

// `dotnet run -- chat`: the terminal as the chat platform, no web server.
if (TerminalChat.IsRequested(args))
{
    return await TerminalChat.Run(args, Console.In, Console.Out);
}

// `healthcheck [url]`: the container's HEALTHCHECK, since the runtime image has no curl.
if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.Run(args, Console.Out);
}

// Before the threads start: fewer malloc arenas, less memory held after a storm (see the class).
MallocArenas.Limit();

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddBuildOutputSettings();
// How many threads the pool makes without waiting: SQLite's blocking calls need more than PostgreSQL's (see the class).
ThreadPoolFloor.Raise(builder.Configuration);

// Storage, the incident core, paging, scheduling, runbook, handoffs and status updates: the same for every platform.
builder.Services.AddIncidentHandling(builder.Configuration);

// Chat platforms: each is off until its credentials are set.
builder.Services.AddSlack(builder.Configuration);
// Teams at /api/messages, outside the /api/incidents access filter: the Bot Connector's token is its authentication.
builder.Services.AddTeams(builder.Configuration);

// Alerts from Alertmanager, Grafana or anything else, at /api/alerts/{source}: each source has its own credential.
builder.Services.AddAlerts(builder.Configuration);

// JSON API (health checks come with the features they check); client addresses from known proxies only.
builder.Services.AddIncidentsApi(builder.Configuration);
builder.Services.AddTrustedProxies(builder.Configuration);

// The web dashboard at /ui: signed in with Api:Token or OpenID Connect (Dashboard:Oidc), a session cookie after that.
builder.Services.AddDashboard(builder.Configuration, builder.Environment);

// OpenTelemetry: traces and metrics, scraped at /metrics and pushed over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
builder.Services.AddTelemetry(builder.Configuration);

var app = builder.Build();
app.UseTrustedProxies();
app.LogSlackState();
app.LogTeamsState();
app.MapHealth();
app.MapMetrics();
app.MapIncidentsApi();
app.MapActionsApi();
app.MapAlerts();
// The public status page: no authentication, public updates only.
app.MapStatusPage();
app.MapDashboard();
app.MapSlack();
app.MapTeams();
return await app.RunWithConfigurationCheck();
