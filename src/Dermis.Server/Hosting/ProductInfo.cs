using System.Reflection;

namespace Dermis.Server.Hosting;

/// <summary>The product version every part of Dermis reports (set once in Directory.Build.props).</summary>
public static class ProductInfo
{
    /// <summary>The version, e.g. <c>0.1.0</c>.</summary>
    public static string Version { get; } =
        typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
