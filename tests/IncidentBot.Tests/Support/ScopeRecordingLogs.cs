using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Tests.Support;

/// <summary>A logger provider that keeps each line with the scope values in force when it was written, as a console formatter would print them.</summary>
internal sealed class ScopeRecordingLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<LogLine> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogLine> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(ScopeRecordingLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, string?>();
            owner.scopes.ForEachScope(
                (scope, into) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            into[key] = value?.ToString();
                        }
                    }
                },
                values);
            owner.lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception), values));
        }
    }
}

internal sealed record LogLine(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, string?> Scopes);
