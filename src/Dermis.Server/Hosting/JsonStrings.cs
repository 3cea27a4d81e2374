using System.Text.Json;

namespace Dermis.Server.Hosting;

/// <summary>
/// Refuses a JSON document whose strings or property names escape invalid UTF-16 (a lone surrogate such as
/// <c>"\ud800"</c>). The reader accepts such escapes; stored, they would make every later read of the record fail
/// when it is written out again (found by the fuzzer: a form saved once, then 500 on every read).
/// </summary>
internal static class JsonStrings
{
    /// <summary>Throws a 400 naming <paramref name="field"/> and the path of the first invalid string.</summary>
    public static void RequireValid(JsonElement element, string field)
    {
        if (FirstInvalid(element, field) is { } path)
        {
            throw BadInputException.Field(path, "holds an invalid UTF-16 escape (a lone surrogate); send text as valid Unicode");
        }
    }

    private static string? FirstInvalid(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Valid(() => element.GetString()) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Valid(() => property.Name))
                    {
                        return path;
                    }

                    if (FirstInvalid(property.Value, $"{path}.{property.Name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstInvalid(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Valid(Func<string?> read)
    {
        try
        {
            _ = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
