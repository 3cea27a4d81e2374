using System.Collections.ObjectModel;

namespace Dermis.Trials.Checks;

/// <summary>
/// A parsed edit-check condition (docs/protocol.md, "Edit-check expressions"), e.g.
/// <c>easi.total &gt; baseline.easi.total * 1.5</c>. Parse once, <see cref="Bind"/> once to a
/// protocol, then <see cref="Evaluate"/> per saved form: evaluation walks an immutable tree of
/// sealed nodes with <see cref="decimal"/> arithmetic and allocates nothing of its own.
/// </summary>
/// <remarks>
/// Missing data: arithmetic and ordering with a null operand give null; <c>==</c>/<c>!=</c>
/// between null and a value give false/true; <c>and</c>/<c>or</c>/<c>not</c> follow Kleene
/// three-valued logic; division by zero gives null. <see cref="Holds"/> is true only for a
/// true result, so a check never fires on missing data unless it asks with <c>isMissing</c>.
/// Instances are immutable and safe to share between threads.
/// </remarks>
public sealed partial class CheckExpression
{
    private readonly CheckNode _root;
    private readonly ItemReference[] _references;
    private readonly string[] _referenceTexts;
    private readonly int[] _referencePositions;

    private CheckExpression(string text, CheckNode root, ItemReference[] references, string[] referenceTexts, int[] referencePositions, bool isBound)
    {
        Text = text;
        _root = root;
        _references = references;
        _referenceTexts = referenceTexts;
        _referencePositions = referencePositions;
        IsBound = isBound;
        References = new ReadOnlyCollection<ItemReference>(references);
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>
    /// The distinct references, in order of first appearance. Before <see cref="Bind"/> each is
    /// unqualified (<c>a.b.c</c> → form <c>a</c>, item path <c>b.c</c>); after it, a leading
    /// visit id is split off into <see cref="ItemReference.VisitId"/>.
    /// </summary>
    public IReadOnlyList<ItemReference> References { get; }

    /// <summary>True once <see cref="Bind"/> has checked the references against a protocol.</summary>
    public bool IsBound { get; }

    /// <summary>Parses an expression; references are checked for shape only (call <see cref="Bind"/> next).</summary>
    /// <param name="text">The expression, e.g. <c>easi.total &lt; 16</c>.</param>
    /// <exception cref="CheckExpressionException">A syntax error; <see cref="CheckExpressionException.Position"/> is its 0-based index.</exception>
    public static CheckExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (root, texts, positions) = CheckParser.Parse(text);
        var references = new ItemReference[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            var dot = texts[i].IndexOf('.', StringComparison.Ordinal);
            references[i] = new ItemReference(null, texts[i][..dot], texts[i][(dot + 1)..]);
        }

        return new CheckExpression(text, root, references, texts, positions, isBound: false);
    }

    /// <summary>
    /// Evaluates the expression; <paramref name="resolve"/> is called for every reference occurrence
    /// and returns <see cref="CheckValue.Null"/> for missing data.
    /// </summary>
    /// <exception cref="CheckExpressionException">A type error (e.g. <c>'a' &lt; 3</c>), naming the operator and its position.</exception>
    public CheckValue Evaluate(Func<ItemReference, CheckValue> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return _root.Evaluate(resolve, _references);
    }

    /// <summary>
    /// True when the condition evaluates to true; false for false and for null (missing data),
    /// so an edit check fires only on data that is there.
    /// </summary>
    /// <exception cref="CheckExpressionException">A type error, or a result that is not true, false or null.</exception>
    public bool Holds(Func<ItemReference, CheckValue> resolve)
    {
        var value = Evaluate(resolve);
        return value.Kind switch
        {
            CheckValueKind.Boolean => value.AsBoolean,
            CheckValueKind.Null => false,
            _ => throw new CheckExpressionException(
                $"the condition '{Text}' gave {value.Describe()}; a condition must give true or false (compare it, e.g. '{Text} > 0')", 0),
        };
    }

    /// <summary>The expression text.</summary>
    public override string ToString() => Text;

    /// <summary>0-based position of the first occurrence of <see cref="References"/>[<paramref name="index"/>].</summary>
    internal int ReferencePosition(int index) => _referencePositions[index];
}
