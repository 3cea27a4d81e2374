using System.Data.Common;
using System.Text.Json;

namespace Dermis.Bench.Reliability.Harness;

/// <summary>What one check after a restart found.</summary>
/// <param name="Lost">Acknowledged writes missing, or overwritten by an older value.</param>
/// <param name="Duplicated">Acknowledged writes stored more than once.</param>
/// <param name="LandedUnacknowledged">Writes cut off by the kill that the database holds anyway (allowed: they committed before the kill).</param>
/// <param name="Problems">One line per lost or duplicated write, or inconsistent row version.</param>
internal sealed record CrashCheckResult(int Lost, int Duplicated, int LandedUnacknowledged, IReadOnlyList<string> Problems);

/// <summary>
/// Reads the database directly after a restart and holds it to the ledger: every acknowledged diary
/// entry and device batch exactly once by its id, with what was sent; each form holding its last
/// acknowledged save (row version equal to the one acknowledged) or the save cut off after it (row
/// version one higher), never an older one and never a second row.
/// </summary>
internal static class CrashCheck
{
    public static async Task<CrashCheckResult> CheckAsync(DbConnection connection, CrashCohort cohort, CrashLedger ledger)
    {
        var problems = new List<string>();
        int lost = 0, duplicated = 0, landed = 0;

        var forms = new Dictionary<long, List<(long RowVersion, int N)>>();
        foreach (var row in await QueryAsync(connection, "SELECT visit_row_id, row_version, data FROM form_data WHERE form_id = 'counter'"))
        {
            using var data = JsonDocument.Parse((string)row[2]);
            var n = data.RootElement.TryGetProperty("n", out var value) ? value.GetInt32() : -1;
            var key = Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture);
            (forms.TryGetValue(key, out var list) ? list : forms[key] = []).Add((Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture), n));
        }

        foreach (var form in ledger.Forms)
        {
            var rows = forms.GetValueOrDefault(form.Form.VisitRowId) ?? [];
            if (rows.Count > 1)
            {
                duplicated++;
                problems.Add($"{form.Form.Path}: {rows.Count} rows");
                continue;
            }

            var (rowVersion, n) = rows.Count == 1 ? rows[0] : (0L, 0);
            if (form.PendingN is { } pending && n == pending && rowVersion == (form.RowVersion ?? 0) + 1)
            {
                // The save cut off by the kill had committed: it is now the form's acknowledged state.
                landed++;
                form.AckedN = n;
                form.RowVersion = rowVersion;
            }
            else if (n != form.AckedN || rowVersion != (form.RowVersion ?? 0))
            {
                lost++;
                problems.Add($"{form.Form.Path}: holds n={n} at rowVersion {rowVersion}; acknowledged n={form.AckedN} at rowVersion {form.RowVersion}, cut off n={form.PendingN}");
                form.AckedN = n;
                form.RowVersion = rowVersion == 0 ? null : rowVersion;
            }

            form.PendingN = null;
        }

        var entries = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in await QueryAsync(connection, "SELECT client_entry_id, data FROM diary_entry"))
        {
            var id = (string)row[0];
            (entries.TryGetValue(id, out var list) ? list : entries[id] = []).Add((string)row[1]);
        }

        foreach (var (id, write) in ledger.AckedDiary)
        {
            var stored = entries.GetValueOrDefault(id) ?? [];
            if (stored.Count == 0 || !stored.TrueForAll(s => WorstItch(s) == write.WorstItch))
            {
                lost++;
                problems.Add($"diary entry {id} ({write.Diary} {write.Date}): stored {stored.Count} time(s) with {string.Join(", ", stored)}; acknowledged worstItch {write.WorstItch}");
            }
            else if (stored.Count > 1)
            {
                duplicated++;
                problems.Add($"diary entry {id}: stored {stored.Count} times");
            }
        }

        landed += ledger.UnknownDiary.Count(w => entries.ContainsKey(w.ClientEntryId));

        var batches = new Dictionary<(string, string), int>();
        foreach (var row in await QueryAsync(connection, "SELECT d.serial, b.batch_id FROM sensor_batch b JOIN device d ON d.id = b.device_id"))
        {
            var key = ((string)row[0], (string)row[1]);
            batches[key] = batches.GetValueOrDefault(key) + 1;
        }

        foreach (var key in ledger.AckedBatches.Keys)
        {
            var count = batches.GetValueOrDefault(key);
            if (count != 1)
            {
                (count == 0 ? ref lost : ref duplicated)++;
                problems.Add($"batch {key.BatchId} of {key.Serial}: stored {count} times");
            }
        }

        landed += ledger.UnknownBatches.Count(w => batches.ContainsKey((cohort.Devices[w.Device].Serial, w.BatchId)));
        return new CrashCheckResult(lost, duplicated, landed, problems);
    }

    private static int WorstItch(string data)
    {
        using var json = JsonDocument.Parse(data);
        return json.RootElement.GetProperty("worstItch").GetInt32();
    }

    private static async Task<List<object[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
