namespace Dermis.Trials.Exchange.Sdtm;

/// <summary>
/// Collects the records of one domain, then sorts them by USUBJID, date and order, numbers
/// --SEQ per subject from 1 and measures the Char lengths (SDTMIG v3.4 §4.1.5: --SEQ is unique
/// within a subject in a domain).
/// </summary>
internal sealed class SdtmTable
{
    private readonly string domain;
    private readonly string label;
    private readonly string studyId;
    private readonly SdtmVariable[] variables;
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<SdtmRecord> records = [];

    public SdtmTable(string domain, string label, string studyId, IReadOnlyList<SdtmVariable> variables)
    {
        this.domain = domain;
        this.label = label;
        this.studyId = studyId;
        this.variables = [.. variables];
        for (var i = 0; i < this.variables.Length; i++)
        {
            index.Add(this.variables[i].Name, i);
        }
    }

    /// <summary>STUDYID, DOMAIN, USUBJID and, for every domain but DM, --SEQ (SDTMIG v3.4 §4.1.2 identifiers).</summary>
    public static IEnumerable<SdtmVariable> Identifiers(string domain, bool withSequence)
    {
        yield return Char("STUDYID", "Study Identifier", "Protocol", comment: "The protocol's study id.");
        yield return Char("DOMAIN", "Domain Abbreviation", "Assigned");
        yield return Char("USUBJID", "Unique Subject Identifier", "Assigned", comment: "STUDYID-SUBJID (study id, a hyphen and the screening number).");
        if (withSequence)
        {
            yield return Num(domain + "SEQ", "Sequence Number", "Derived", comment: "1, 2, … per subject in the dataset's sort order.");
        }
    }

    public static SdtmVariable Char(string name, string label, string origin, string? codeList = null, string? comment = null) =>
        new(name, label, "Char", null, codeList, origin, comment);

    public static SdtmVariable Num(string name, string label, string origin, string? codeList = null, string? comment = null) =>
        new(name, label, "Num", 8, codeList, origin, comment);

    /// <summary>A new record of <paramref name="usubjid"/>, sorted by <paramref name="date"/> (ISO 8601; empty sorts last) then <paramref name="order"/>.</summary>
    public SdtmRecord Add(string usubjid, string date, decimal order)
    {
        var record = new SdtmRecord(index, new string[variables.Length], usubjid, date, order, records.Count);
        if (index.ContainsKey("STUDYID"))
        {
            record["STUDYID"] = studyId;
        }

        record["DOMAIN"] = domain;
        record["USUBJID"] = usubjid;
        records.Add(record);
        return record;
    }

    /// <summary>
    /// Sorts, numbers --SEQ and, with <paramref name="baseline"/>, sets the baseline flag: per
    /// subject, category and test code, the last record with a result on or before RFSTDTC
    /// (SDTMIG v3.3 --BLFL; v3.4's --LOBXFL has the same rule).
    /// </summary>
    public SdtmDataset Build(BaselineRule? baseline = null)
    {
        records.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Usubjid, b.Usubjid);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.SortDate.Length == 0 ? "\uffff" : a.SortDate, b.SortDate.Length == 0 ? "\uffff" : b.SortDate);
            }

            if (c == 0)
            {
                c = a.Order.CompareTo(b.Order);
            }

            return c == 0 ? a.Insertion.CompareTo(b.Insertion) : c;
        });

        var seq = domain + "SEQ";
        if (index.ContainsKey(seq))
        {
            var n = 0;
            for (var i = 0; i < records.Count; i++)
            {
                n = i > 0 && records[i].Usubjid == records[i - 1].Usubjid ? n + 1 : 1;
                records[i][seq] = SdtmValues.Number(n);
            }
        }

        if (baseline is not null)
        {
            FlagBaseline(baseline);
        }

        var lengths = new int[variables.Length];
        var rows = new IReadOnlyList<string>[records.Count];
        for (var r = 0; r < records.Count; r++)
        {
            var values = records[r].Values;
            var row = new string[values.Length];
            for (var v = 0; v < values.Length; v++)
            {
                row[v] = values[v] ?? "";
                lengths[v] = Math.Max(lengths[v], row[v].Length);
            }

            rows[r] = row;
        }

        var measured = new SdtmVariable[variables.Length];
        for (var v = 0; v < variables.Length; v++)
        {
            measured[v] = variables[v].Type == "Char" ? variables[v] with { Length = Math.Max(1, lengths[v]) } : variables[v];
        }

        return new SdtmDataset(domain, label, measured, rows);
    }

    private void FlagBaseline(BaselineRule rule)
    {
        var last = new Dictionary<string, SdtmRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var date = record[rule.DateVariable];
            if (string.IsNullOrEmpty(record[rule.ResultVariable]) || date.Length < 10 ||
                !rule.ReferenceStart.TryGetValue(record.Usubjid, out var start) || start is not { } reference ||
                string.CompareOrdinal(date[..10], SdtmValues.Date(reference)) > 0)
            {
                continue;
            }

            last[$"{record.Usubjid}\u0001{record[rule.CategoryVariable]}\u0001{record[rule.TestCodeVariable]}"] = record;
        }

        foreach (var record in last.Values)
        {
            record[rule.FlagVariable] = "Y";
        }
    }
}

/// <summary>Which variables the baseline flag reads and sets (see <see cref="SdtmTable.Build"/>).</summary>
internal sealed record BaselineRule(
    string FlagVariable,
    string DateVariable,
    string ResultVariable,
    string CategoryVariable,
    string TestCodeVariable,
    IReadOnlyDictionary<string, DateOnly?> ReferenceStart);

/// <summary>One record being built; values are set by variable name.</summary>
internal sealed class SdtmRecord(IReadOnlyDictionary<string, int> index, string?[] values, string usubjid, string sortDate, decimal order, int insertion)
{
    public string Usubjid { get; } = usubjid;

    public string SortDate { get; } = sortDate;

    public decimal Order { get; } = order;

    public int Insertion { get; } = insertion;

    public string?[] Values { get; } = values;

    /// <summary>The value of <paramref name="variable"/> (empty when unset).</summary>
    public string this[string variable]
    {
        get => Values[Position(variable)] ?? "";
        set => Values[Position(variable)] = value;
    }

    private int Position(string variable) =>
        index.TryGetValue(variable, out var i) ? i : throw new ArgumentException($"the dataset has no variable {variable}", nameof(variable));
}
