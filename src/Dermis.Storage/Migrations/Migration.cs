using System.Security.Cryptography;
using System.Text;

namespace Dermis.Storage.Migrations;

/// <summary>One numbered schema change, as the SQL text of one migration file.</summary>
/// <param name="Version">The number in the file name (<c>0001_installation.sql</c> → 1); applied in ascending order.</param>
/// <param name="Name">The rest of the file name (<c>installation</c>).</param>
/// <param name="Sql">The statements, applied inside the migration transaction.</param>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>
    /// SHA-256 of the SQL text with line endings normalised to LF, as lowercase hex. Recorded when
    /// the migration is applied; a later build whose file differs is refused.
    /// </summary>
    /// <remarks>
    /// Normalising line endings keeps a Windows checkout (CRLF) from looking like an edit. Computed
    /// on each read so that a copy made with <c>with { Sql = … }</c> can never carry a stale hash.
    /// </remarks>
    public string Checksum => ComputeChecksum(Sql);

    /// <summary>The file name this migration came from.</summary>
    public string FileName => $"{Version:D4}_{Name}.sql";

    private static string ComputeChecksum(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var normalised = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
