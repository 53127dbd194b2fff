using System.Runtime.InteropServices;

namespace IncidentBot.Hosting;

/// <summary>
/// Caps glibc's malloc arenas. glibc gives a thread that finds the arenas busy one of its own, up to eight per core,
/// and memory freed in one arena is not reused by another; in a storm the bot's many threads (SQLite's calls block
/// theirs) spread SQLite's and the runtime's native allocations over a dozen arenas, which kept tens of MB resident
/// (docs/performance.md). Two arenas are plenty for a process whose native allocations are short. Done with
/// <c>mallopt</c> at start, so it holds however the bot is run; <c>MALLOC_ARENA_MAX</c>, when set, wins.
/// </summary>
internal static partial class MallocArenas
{
    public const int Default = 2;

    /// <summary>glibc's <c>M_ARENA_MAX</c> (malloc.h).</summary>
    private const int ArenaMax = -8;

    /// <summary>True when the cap was set: on Linux with glibc, and <c>MALLOC_ARENA_MAX</c> not set.</summary>
    public static bool Limit(int arenas = Default)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }

        try
        {
            return mallopt(ArenaMax, arenas) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another C library (musl): its allocator has no arenas to cap.
            return false;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);
}
