using System.Globalization;
using static Dermis.SingleCell.Io.Hdf5.Hdf5Native;

namespace Dermis.SingleCell.Io.Hdf5;

/// <summary>
/// An AnnData data frame (<c>obs</c>, <c>var</c>, <c>raw/var</c>) read from HDF5: the index named by the
/// <c>_index</c> attribute and the columns in <c>column-order</c>. Numbers (any integer or float type) become numeric
/// columns, h5py booleans flags, strings and categoricals text. Categoricals are read in both encodings: anndata ≥ 0.7
/// groups (<c>encoding-type: categorical</c>, <c>codes</c> + <c>categories</c>) and the older code datasets with a
/// <c>categories</c> attribute whose categories live in <c>&lt;frame&gt;/__categories/&lt;column&gt;</c>. A missing
/// category (code −1) becomes the empty string; a masked nullable integer becomes NaN, a masked nullable boolean false.
/// Columns in other encodings (e.g. nested data frames) are skipped.
/// </summary>
internal sealed class H5adFrame
{
    private readonly List<(string Name, object Values)> _columns = [];

    private H5adFrame(string[] index) => Index = index;

    /// <summary>Row names (obs_names / var_names).</summary>
    public string[] Index { get; }

    /// <summary>Reads the frame at <paramref name="path"/>.</summary>
    public static H5adFrame Read(Hdf5File file, string path)
    {
        if (!file.IsGroup(path))
        {
            throw file.Fail(path, "is missing; expected an AnnData data frame group (obs/var with an '_index' attribute).");
        }

        var indexName = file.ReadStringAttribute(path, "_index") ?? (file.Exists(path + "/_index") ? "_index" : "index");
        var frame = new H5adFrame(Strings(file, $"{path}/{indexName}"));
        var names = file.ReadStringArrayAttribute(path, "column-order")
            ?? Array.FindAll(file.Children(path), n => n != indexName && n != "__categories");
        foreach (var name in names)
        {
            var values = Column(file, $"{path}/{name}", path, name);
            if (values is not null)
            {
                var length = ((Array)values).Length;
                if (length != frame.Index.Length)
                {
                    throw file.Fail($"{path}/{name}", $"has {length} values but the index {path}/{indexName} has {frame.Index.Length}; expected one per row.");
                }

                frame._columns.Add((name, values));
            }
        }

        return frame;
    }

    /// <summary>The text column <paramref name="name"/>, or null.</summary>
    public string[]? FindText(string name) => _columns.Find(c => c.Name == name).Values as string[];

    /// <summary>Copies every column into <paramref name="columns"/>.</summary>
    public void CopyTo(AnnotationColumns columns)
    {
        foreach (var (name, values) in _columns)
        {
            switch (values)
            {
                case double[] numbers: columns.SetNumeric(name, numbers); break;
                case bool[] flags: columns.SetFlag(name, flags); break;
                case string[] texts: columns.SetText(name, texts); break;
            }
        }
    }

    private static object? Column(Hdf5File file, string path, string frame, string name)
    {
        if (!file.Exists(path))
        {
            throw file.Fail(path, $"is listed in {frame}'s column-order but missing.");
        }

        if (file.IsGroup(path))
        {
            return file.ReadStringAttribute(path, "encoding-type") switch
            {
                "categorical" => Categorical(file, file.ReadInt32(path + "/codes"), path + "/codes", Strings(file, path + "/categories")),
                "nullable-integer" => Masked(file.ReadFloat64(path + "/values"), file.ReadBooleans(path + "/mask")),
                "nullable-boolean" => MaskedFlags(file.ReadBooleans(path + "/values"), file.ReadBooleans(path + "/mask")),
                _ => null,
            };
        }

        if (file.HasAttribute(path, "categories"))
        {
            // anndata < 0.7: the attribute is an object reference to this dataset (h5py writes it so).
            return Categorical(file, file.ReadInt32(path), path, Strings(file, $"{frame}/__categories/{name}"));
        }

        return file.TypeClass(path) switch
        {
            ClassString => file.ReadStrings(path),
            ClassEnum => file.ReadBooleans(path),
            ClassInteger or ClassFloat => file.ReadFloat64(path),
            _ => null,
        };
    }

    private static string[] Categorical(Hdf5File file, int[] codes, string codesPath, string[] categories)
    {
        var result = new string[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            result[i] = code == -1 ? ""
                : (uint)code < (uint)categories.Length ? categories[code]
                : throw file.Fail(codesPath, $"code {code} at row {i} is outside [-1, {categories.Length}) ({categories.Length} categories).");
        }

        return result;
    }

    private static string[] Strings(Hdf5File file, string path)
    {
        if (file.TypeClass(path) == ClassString)
        {
            return file.ReadStrings(path);
        }

        // Numeric categories or a numeric index (pandas RangeIndex written as integers): their shortest round-trip text.
        var numbers = file.ReadFloat64(path);
        var text = new string[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            text[i] = numbers[i].ToString("R", CultureInfo.InvariantCulture);
        }

        return text;
    }

    private static double[] Masked(double[] values, bool[] mask)
    {
        for (var i = 0; i < values.Length && i < mask.Length; i++)
        {
            values[i] = mask[i] ? double.NaN : values[i];
        }

        return values;
    }

    private static bool[] MaskedFlags(bool[] values, bool[] mask)
    {
        for (var i = 0; i < values.Length && i < mask.Length; i++)
        {
            values[i] &= !mask[i];
        }

        return values;
    }
}
