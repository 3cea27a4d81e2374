using System.Text;

namespace Dermis.Server.Web;

/// <summary>Stored codes as words a site reads.</summary>
internal static class Humanize
{
    /// <summary><c>screenFailed</c> → "screen failed", <c>sourceVerified</c> → "source verified".</summary>
    public static string Words(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "";
        }

        var text = new StringBuilder(code.Length + 4);
        foreach (var c in code)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
