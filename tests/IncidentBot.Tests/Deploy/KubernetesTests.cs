using IncidentBot.Core.Registry;
using IncidentBot.Core.Runbook;
using IncidentBot.Hosting;
using static IncidentBot.Tests.Deploy.DeployFiles;

namespace IncidentBot.Tests.Deploy;

/// <summary>deploy/kubernetes/ agrees with the bot, and `kubectl apply -k` finds every file it names.</summary>
internal sealed class KubernetesTests
{
    /// <summary>What only the Secret can provide: the database with its password, and the API token production requires.</summary>
    private static readonly string[] RequiredSecrets = ["ConnectionStrings__IncidentBot", "Api__Token"];

    private readonly Dictionary<object, object> deployment = Yaml("kubernetes/deployment.yaml");
    private readonly Dictionary<object, object> kustomization = Yaml("kubernetes/kustomization.yaml");

    private Dictionary<object, object> Container => Maps(deployment, "spec", "template", "spec", "containers").Single();

    private Dictionary<string, string> Env => Maps(Container, "env").ToDictionary(e => Text(e, "name"), e => Text(e, "value"));

    [Test]
    public void Probes_and_ports_are_the_ones_the_bot_serves()
    {
        var port = Maps(Container, "ports").Single();
        var service = Yaml("kubernetes/service.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(Text(port, "containerPort"), Is.EqualTo("8080"));
            Assert.That(Env["Urls"], Is.EqualTo("http://+:8080"));
            Assert.That(Text(Container, "readinessProbe", "httpGet", "path"), Is.EqualTo(HealthEndpoints.ReadinessPath));
            Assert.That(Text(Container, "livenessProbe", "httpGet", "path"), Is.EqualTo(HealthEndpoints.LivenessPath));
            Assert.That(Text(Container, "readinessProbe", "httpGet", "port"), Is.EqualTo(Text(port, "name")));
            Assert.That(Text(Container, "livenessProbe", "httpGet", "port"), Is.EqualTo(Text(port, "name")));
            Assert.That(Text(Maps(service, "spec", "ports").Single(), "targetPort"), Is.EqualTo(Text(port, "name")));
        });
    }

    [Test]
    public void Two_replicas_roll_one_at_a_time_on_PostgreSQL_and_a_disruption_budget_keeps_one()
    {
        var labels = (Dictionary<object, object>)At(deployment, "spec", "template", "metadata", "labels");
        var budget = Yaml("kubernetes/poddisruptionbudget.yaml");
        var service = Yaml("kubernetes/service.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(Text(deployment, "spec", "replicas"), Is.EqualTo("2"));
            Assert.That(Text(deployment, "spec", "strategy", "type"), Is.EqualTo("RollingUpdate"));
            Assert.That(Text(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"), Is.EqualTo("0"));
            Assert.That(Env["Storage__Provider"], Is.EqualTo("Postgres"), "two replicas need the shared database");
            Assert.That(Text(budget, "spec", "minAvailable"), Is.EqualTo("1"));
            Assert.That(At(budget, "spec", "selector", "matchLabels"), Is.SubsetOf(labels));
            Assert.That(At(service, "spec", "selector"), Is.SubsetOf(labels));
            Assert.That(At(deployment, "spec", "selector", "matchLabels"), Is.SubsetOf(labels));
        });
    }

    [Test]
    public void The_pod_runs_as_a_non_root_user_on_a_read_only_file_system_within_limits()
    {
        var tmp = Maps(Container, "volumeMounts").Single(m => Text(m, "mountPath") == "/tmp");
        var tmpVolume = Maps(deployment, "spec", "template", "spec", "volumes").Single(v => Text(v, "name") == Text(tmp, "name"));

        Assert.Multiple(() =>
        {
            Assert.That(Text(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"), Is.EqualTo("true"));
            Assert.That(Text(deployment, "spec", "template", "spec", "securityContext", "runAsUser"), Is.EqualTo("1654"), "the aspnet image's APP_UID");
            Assert.That(Text(Container, "securityContext", "readOnlyRootFilesystem"), Is.EqualTo("true"));
            Assert.That(Text(Container, "securityContext", "allowPrivilegeEscalation"), Is.EqualTo("false"));
            Assert.That(tmpVolume.ContainsKey("emptyDir"), Is.True);
            Assert.That((Dictionary<object, object>)At(Container, "resources", "requests"), Contains.Key("cpu").And.ContainKey("memory"));
            Assert.That((Dictionary<object, object>)At(Container, "resources", "limits"), Contains.Key("cpu").And.ContainKey("memory"));
        });
    }

    [Test]
    public void The_ConfigMap_is_mounted_where_Registry_Path_and_Runbook_Path_point_and_holds_valid_files()
    {
        var mount = Maps(Container, "volumeMounts").Single(m => Text(m, "name") == "config");
        var volume = Maps(deployment, "spec", "template", "spec", "volumes").Single(v => Text(v, "name") == "config");
        var generator = Maps(kustomization, "configMapGenerator").Single();
        var files = ((List<object>)At(generator, "files")).Select(f => f.ToString()!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Path.GetDirectoryName(Env["Registry__Path"]), Is.EqualTo(Text(mount, "mountPath")));
            Assert.That(Path.GetDirectoryName(Env["Runbook__Path"]), Is.EqualTo(Text(mount, "mountPath")));
            Assert.That(mount.ContainsKey("subPath"), Is.False, "a subPath mount never sees an edited ConfigMap");
            Assert.That(Text(mount, "readOnly"), Is.EqualTo("true"));
            Assert.That(Text(volume, "configMap", "name"), Is.EqualTo(Text(generator, "name")));
            Assert.That(Text(kustomization, "generatorOptions", "disableNameSuffixHash"), Is.EqualTo("true"), "a fixed name is swapped in place");
            Assert.That(files, Is.EquivalentTo(new[] { Path.GetFileName(Env["Registry__Path"]), Path.GetFileName(Env["Runbook__Path"]) }));
            Assert.That(RegistryParser.Parse(File.ReadAllText(PathOf("kubernetes/" + Path.GetFileName(Env["Registry__Path"])))).Errors, Is.Empty);
            Assert.That(RunbookParser.Parse(File.ReadAllText(PathOf("kubernetes/" + Path.GetFileName(Env["Runbook__Path"])))).Errors, Is.Empty);
        });
    }

    [Test]
    public void Kustomize_finds_every_resource_and_the_Secret_template_names_the_settings_production_needs()
    {
        var secret = Yaml("kubernetes/secret.example.yaml");
        var secretKeys = ((Dictionary<object, object>)At(secret, "stringData")).Keys.Select(k => k.ToString()!).ToList();
        var secretRef = Text(Maps(Container, "envFrom").Single(), "secretRef", "name");

        Assert.Multiple(() =>
        {
            Assert.That(((List<object>)At(kustomization, "resources")).Select(r => PathOf("kubernetes/" + r)), Is.All.Matches<string>(File.Exists));
            Assert.That(Text(secret, "metadata", "name"), Is.EqualTo(secretRef));
            Assert.That(secretKeys, Is.SupersetOf(RequiredSecrets));
            Assert.That(Text(secret, "stringData", "Api__Token"), Has.Length.AtLeast(16));
        });
    }

    [Test]
    public void Every_variable_the_pod_gets_is_a_setting_the_bot_reads()
    {
        // The Secret's keys, the commented-out examples included.
        var secretKeys = File.ReadAllLines(PathOf("kubernetes/secret.example.yaml"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\s*(?:#\s*)?(\w+__\w+):"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();

        Assert.That(secretKeys, Has.Member("Teams__AppId"));
        Assert.That(Env.Keys.Concat(secretKeys).Select(SettingNames.Problem).OfType<string>(), Is.Empty);
    }
}
