using IncidentBot.Hosting;

namespace IncidentBot.Tests.Hosting;

internal sealed class MallocArenasTests
{
    [Test]
    public void On_Linux_with_glibc_the_arenas_are_capped_unless_MALLOC_ARENA_MAX_says_otherwise()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/lib/x86_64-linux-gnu/libc.so.6") && !File.Exists("/lib/aarch64-linux-gnu/libc.so.6"))
        {
            Assert.Ignore("glibc's malloc arenas exist only on Linux with glibc");
        }

        Assert.That(MallocArenas.Limit(), Is.EqualTo(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null));
    }
}
