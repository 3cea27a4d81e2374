using System.CommandLine;
using System.CommandLine.Invocation;
using Dermis.Server.Hosting;

namespace Dermis.Cli;

/// <summary>
/// <c>dermis --version</c>: the product version. Replaces the parser's default, which reads the
/// entry assembly and so prints the test host's version when run in-process.
/// </summary>
internal sealed class PrintVersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(ProductInfo.Version);
        return ExitCodes.Success;
    }
}
