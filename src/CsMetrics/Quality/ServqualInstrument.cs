using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>
/// A SERVQUAL-style instrument: items, the dimension each item belongs to, which items are negatively
/// worded (reverse-scored), and the answer scale. The 22-item instruments of Parasuraman, Zeithaml and
/// Berry are built in; any other item set and dimension map can be given. Immutable and thread-safe.
/// </summary>
public sealed class ServqualInstrument
{
    private static readonly string[] s_dimensions = ["Tangibles", "Reliability", "Responsiveness", "Assurance", "Empathy"];

    // Items 1-4 tangibles, 5-9 reliability, 10-13 responsiveness, 14-17 assurance, 18-22 empathy (PZB 1988, 1991).
    private static readonly int[] s_itemDimensions = [0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4];

    private readonly string[] _dimensions;
    private readonly int[] _itemDimension;
    private readonly bool[] _reverse;
    private readonly ReadOnlyValueList<int>[] _itemsOf;

    /// <summary>Creates an instrument.</summary>
    /// <param name="dimensions">The dimension names (at least one; each non-empty and unique, ignoring case).</param>
    /// <param name="itemDimensions">For each item, the index of its dimension in <paramref name="dimensions"/>.</param>
    /// <param name="reverseScored">For each item, whether it is negatively worded (scored <c>min + max - x</c>); empty = none.</param>
    /// <param name="scaleMinimum">The lowest answer (1 on the 7-point Likert scale).</param>
    /// <param name="scaleMaximum">The highest answer (7), above the minimum.</param>
    /// <exception cref="ArgumentException">No dimensions or items; an empty or repeated dimension name (the message names it and its index); a dimension without items; <paramref name="reverseScored"/> of the wrong length; a scale whose maximum is not above its minimum.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An item's dimension index is out of range.</exception>
    public ServqualInstrument(IReadOnlyList<string> dimensions, ReadOnlySpan<int> itemDimensions, ReadOnlySpan<bool> reverseScored = default,
        double scaleMinimum = 1, double scaleMaximum = 7)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Count == 0 || itemDimensions.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(dimensions), "an instrument needs at least one dimension and one item.");
        }
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int d = 0; d < dimensions.Count; d++)
        {
            if (string.IsNullOrWhiteSpace(dimensions[d]))
            {
                ThrowHelper.ThrowArgument(nameof(dimensions), $"dimensions[{d}] is empty: every dimension needs a name.");
            }
            if (!names.TryAdd(dimensions[d], d))
            {
                ThrowHelper.ThrowArgument(nameof(dimensions), $"dimensions[{d}] '{dimensions[d]}' repeats dimensions[{names[dimensions[d]]}] (names are compared ignoring case); each dimension is named once.");
            }
        }
        if (!reverseScored.IsEmpty && reverseScored.Length != itemDimensions.Length)
        {
            ThrowHelper.ThrowArgument(nameof(reverseScored), $"reverseScored has length {reverseScored.Length}; there are {itemDimensions.Length} items.");
        }
        if (!(scaleMaximum > scaleMinimum) || !double.IsFinite(scaleMinimum) || !double.IsFinite(scaleMaximum))
        {
            ThrowHelper.ThrowArgument(nameof(scaleMaximum), $"the scale [{scaleMinimum}, {scaleMaximum}] must have a finite maximum above its minimum.");
        }
        for (int i = 0; i < itemDimensions.Length; i++)
        {
            if ((uint)itemDimensions[i] >= (uint)dimensions.Count)
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(itemDimensions), i, itemDimensions[i], $"must be a dimension index in [0, {dimensions.Count - 1}]");
            }
        }
        _dimensions = dimensions.ToArray();
        _itemDimension = itemDimensions.ToArray();
        _reverse = reverseScored.IsEmpty ? new bool[itemDimensions.Length] : reverseScored.ToArray();
        _itemsOf = new ReadOnlyValueList<int>[_dimensions.Length];
        for (int d = 0; d < _dimensions.Length; d++)
        {
            _itemsOf[d] = ReadOnlyValueList<int>.Own(Enumerable.Range(0, _itemDimension.Length).Where(i => _itemDimension[i] == d).ToArray());
            if (_itemsOf[d].Count == 0)
            {
                ThrowHelper.ThrowArgument(nameof(itemDimensions), $"dimension '{_dimensions[d]}' has no items.");
            }
        }
        ScaleMinimum = scaleMinimum;
        ScaleMaximum = scaleMaximum;
    }

    /// <summary>
    /// The 22-item instrument with positively worded items (Parasuraman, Berry and Zeithaml 1991, J. Retailing
    /// 67(4)): tangibles 1-4, reliability 5-9, responsiveness 10-13, assurance 14-17, empathy 18-22; 7-point scale.
    /// </summary>
    public static ServqualInstrument Standard { get; } = new(s_dimensions, s_itemDimensions);

    /// <summary>
    /// The 1988 instrument (Parasuraman, Zeithaml and Berry 1988, J. Retailing 64(1):12-40), whose items
    /// 10-13 and 18-22 are negatively worded and reverse-scored (<c>8 - x</c>) before gaps are computed.
    /// </summary>
    public static ServqualInstrument Standard1988 { get; } = new(s_dimensions, s_itemDimensions,
        Enumerable.Range(1, 22).Select(item => item is >= 10 and <= 13 or >= 18).ToArray());

    /// <summary>The dimension names.</summary>
    public IReadOnlyList<string> Dimensions => field ??= ReadOnlyValueList<string>.Own(_dimensions);

    /// <summary>The number of items.</summary>
    public int ItemCount => _itemDimension.Length;

    /// <summary>The lowest answer.</summary>
    public double ScaleMinimum { get; }

    /// <summary>The highest answer.</summary>
    public double ScaleMaximum { get; }

    /// <summary>
    /// The same items, dimensions and reverse-scored items on another answer scale, e.g. the 22-item instrument on a
    /// 5-point scale (<c>ServqualInstrument.Standard1988.WithScale(1, 5)</c> reverse-scores as <c>6 - x</c>).
    /// </summary>
    /// <param name="scaleMinimum">The lowest answer.</param>
    /// <param name="scaleMaximum">The highest answer, above the minimum.</param>
    /// <exception cref="ArgumentException">The scale's maximum is not above its minimum, or a bound is not finite.</exception>
    public ServqualInstrument WithScale(double scaleMinimum, double scaleMaximum) =>
        new(_dimensions, _itemDimension, _reverse, scaleMinimum, scaleMaximum);

    /// <summary>
    /// What is wrong with one answer to item <paramref name="item"/>, or null when it is acceptable (on the scale, or NaN for
    /// missing). The rule <see cref="Servqual.Validate(ServqualInstrument, ServqualResponse)"/> and the analyses apply.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="item"/> is not an item index.</exception>
    public string? ProblemWithAnswer(int item, double answer)
    {
        if ((uint)item >= (uint)_itemDimension.Length)
        {
            ThrowHelper.ThrowOutOfRange(nameof(item), item, $"must be an item index in [0, {_itemDimension.Length - 1}]");
        }
        return double.IsNaN(answer) || (answer >= ScaleMinimum && answer <= ScaleMaximum)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{answer} is outside the scale [{ScaleMinimum}, {ScaleMaximum}] of item {item + 1}");
    }

    /// <summary>The dimension index of item <paramref name="item"/> (0-based).</summary>
    public int DimensionOf(int item) => _itemDimension[item];

    /// <summary>Whether item <paramref name="item"/> (0-based) is reverse-scored.</summary>
    public bool IsReverseScored(int item) => _reverse[item];

    /// <summary>The 0-based items of dimension <paramref name="dimension"/>.</summary>
    public IReadOnlyList<int> ItemsOf(int dimension) => _itemsOf[dimension];

    /// <summary>An answer on the item's scoring direction: <c>min + max - x</c> for a reverse-scored item; NaN stays NaN.</summary>
    internal double Scored(int item, double answer) => _reverse[item] ? ScaleMinimum + ScaleMaximum - answer : answer;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"SERVQUAL instrument: {ItemCount} items on [{ScaleMinimum}, {ScaleMaximum}]");
        for (int d = 0; d < _dimensions.Length; d++)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {_dimensions[d]} {string.Join(",", _itemsOf[d].Select(i => (i + 1) + (_reverse[i] ? "R" : "")))}");
        }
        return text.ToString();
    }
}
