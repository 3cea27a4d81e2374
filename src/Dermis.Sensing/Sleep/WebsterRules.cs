namespace Dermis.Sensing.Sleep;

/// <summary>
/// Webster's rescoring rules (Webster JB et al., <i>Sleep</i> 5(4):389–399 (1982), doi:10.1093/sleep/5.4.389, as
/// restated by Cole et al. 1992), each a flag for <see cref="WebsterRescoring.Apply(ReadOnlySpan{bool}, WebsterRules)"/>.
/// Minutes are epochs of 1 min.
/// </summary>
[Flags]
public enum WebsterRules
{
    /// <summary>No rescoring.</summary>
    None = 0,

    /// <summary>(a) After at least 4 min of wake, the next 1 min of sleep is rescored wake.</summary>
    A = 1,

    /// <summary>(b) After at least 10 min of wake, the next 3 min of sleep are rescored wake.</summary>
    B = 2,

    /// <summary>(c) After at least 15 min of wake, the next 4 min of sleep are rescored wake.</summary>
    C = 4,

    /// <summary>(d) A sleep bout of at most 6 min with at least 10 min of wake on both sides is rescored wake.</summary>
    D = 8,

    /// <summary>(e) A sleep bout of at most 10 min with at least 20 min of wake on both sides is rescored wake.</summary>
    E = 16,

    /// <summary>Rules (a)–(c): what SKDH's published rescored vector reflects (its rule (d) has no effect; see docs/sensing.md).</summary>
    Skdh = A | B | C,

    /// <summary>All five rules.</summary>
    All = A | B | C | D | E,
}
