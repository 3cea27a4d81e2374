using System.Reflection;

namespace Dermis.Server.Tests;

/// <summary>The dependency rules of the architecture, checked on the built assemblies.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] InfrastructurePrefixes = ["Microsoft.AspNetCore", "Microsoft.Data", "Npgsql", "Dapper", "Dermis.Storage", "Dermis.Server"];

    [Theory]
    [InlineData("Dermis.Instruments")]
    [InlineData("Dermis.Trials")]
    [InlineData("Dermis.Sensing")]
    public void Domain_assembly_references_no_web_or_storage_assembly(string domain)
    {
        var references = Assembly.Load(domain).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => InfrastructurePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Contains("System.Runtime", references);
    }

    [Fact]
    public void Storage_references_no_web_assembly()
    {
        var references = typeof(Dermis.Storage.Database.DermisDatabase).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains("Npgsql", references);
    }
}
