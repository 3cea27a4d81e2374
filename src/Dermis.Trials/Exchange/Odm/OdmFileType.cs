namespace Dermis.Trials.Exchange.Odm;

/// <summary>What an ODM file carries (ODM 1.3.2 <c>ODM/@FileType</c>).</summary>
public enum OdmFileType
{
    /// <summary>The current state of every data point.</summary>
    Snapshot,

    /// <summary>Every change of every data point, in order, each with its audit record: the full history.</summary>
    Transactional,
}
