using System.Collections.Concurrent;

namespace Dermis.Bench.Reliability.Harness;

/// <summary>One writer's form: what the server last acknowledged and the save whose answer never came.</summary>
internal sealed class CrashFormState(CrashForm form)
{
    public CrashForm Form { get; } = form;

    /// <summary>The save number (item <c>n</c>) the server last acknowledged; 0 before the first.</summary>
    public int AckedN { get; set; }

    /// <summary>The row version the last acknowledged save returned; the next save sends it.</summary>
    public long? RowVersion { get; set; }

    /// <summary>A save sent but not answered (the server was killed): it may or may not be stored, never half.</summary>
    public int? PendingN { get; set; }

    public int NextN { get; set; } = 1;
}

/// <summary>A diary entry as sent: its client entry id identifies it across retries.</summary>
internal sealed record CrashDiaryWrite(int Diarist, string Diary, DateOnly Date, string ClientEntryId, int WorstItch);

/// <summary>A device batch as sent: a retry sends the same bytes under the same batch id.</summary>
internal sealed record CrashBatchWrite(int Device, string BatchId, byte[] Body);

/// <summary>
/// Every write the server acknowledged (2xx) with what it wrote, and every write whose answer was cut
/// off by the kill: the truth the database is checked against after each restart.
/// </summary>
internal sealed class CrashLedger
{
    public CrashLedger(CrashCohort cohort, int formWriters)
    {
        Forms = cohort.Forms.Take(formWriters).Select(f => new CrashFormState(f)).ToArray();
        var slots = new List<(int, string, DateOnly)>();
        foreach (var date in cohort.DiaryDates)
        {
            foreach (var diary in cohort.DiaryIds)
            {
                for (var d = 0; d < cohort.Diarists.Count; d++)
                {
                    slots.Add((d, diary, date));
                }
            }
        }

        FreeDiarySlots = new ConcurrentQueue<(int, string, DateOnly)>(slots);
        NextBatch = new int[cohort.Devices.Count];
    }

    public CrashFormState[] Forms { get; }

    /// <summary>Diary (participant, diary, date) slots no entry was sent for yet: one entry each, ever.</summary>
    public ConcurrentQueue<(int Diarist, string Diary, DateOnly Date)> FreeDiarySlots { get; }

    public ConcurrentDictionary<string, CrashDiaryWrite> AckedDiary { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<CrashDiaryWrite> UnknownDiary { get; } = new();

    /// <summary>Acknowledged batches by serial and batch id.</summary>
    public ConcurrentDictionary<(string Serial, string BatchId), CrashBatchWrite> AckedBatches { get; } = new();

    public ConcurrentQueue<CrashBatchWrite> UnknownBatches { get; } = new();

    /// <summary>The next batch number of each device (batch ids are never reused for other samples).</summary>
    public int[] NextBatch { get; }

    /// <summary>Answers that break the protocol (a 4xx/5xx the harness did not expect), with their text.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    private long _formAcks;
    private long _diaryAcks;
    private long _batchAcks;

    public long FormAcks => Interlocked.Read(ref _formAcks);

    public long DiaryAcks => Interlocked.Read(ref _diaryAcks);

    public long BatchAcks => Interlocked.Read(ref _batchAcks);

    public void FormAcknowledged(CrashFormState form, int n, long rowVersion)
    {
        form.AckedN = n;
        form.RowVersion = rowVersion;
        form.PendingN = null;
        Interlocked.Increment(ref _formAcks);
    }

    public void DiaryAcknowledged(CrashDiaryWrite write)
    {
        if (AckedDiary.TryAdd(write.ClientEntryId, write))
        {
            Interlocked.Increment(ref _diaryAcks);
        }
    }

    public void BatchAcknowledged(string serial, CrashBatchWrite write)
    {
        if (AckedBatches.TryAdd((serial, write.BatchId), write))
        {
            Interlocked.Increment(ref _batchAcks);
        }
    }
}
