using System.Globalization;
using System.Text;
using CsMetrics.Internal;

namespace CsMetrics.Quality;

/// <summary>
/// The ratings of a calibration or reliability study: units (calls, evaluations, items) × raters, with missing values,
/// holding either numeric ratings or text category labels. It fixes, once, how ratings become categories: every
/// statistic that takes a table (<see cref="KrippendorffAlpha"/>, <see cref="FleissKappa"/>, <see cref="CohenKappa"/>,
/// <see cref="IntraclassCorrelation"/>, <see cref="CronbachAlpha"/>, <see cref="Calibration"/>, <see cref="Agreement"/>)
/// sees the same categories in the same order. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para><b>Categories.</b> Numeric ratings are ordered by value; their categories are the distinct values in the table,
/// or the given scale (so weighted kappa keeps the scale's spacing when some points were not used: with 1, 2 and 5 used on a 1..5 scale, 2 and 5 are three steps apart, not one). Text labels are
/// unordered (nominal statistics only) unless their order is given (<c>poor, fair, good</c>), which makes them ordinal.
/// <see cref="Code"/> numbers the categories 0..k-1 in that order.</para>
/// <para><b>Which statistic needs what.</b> Nominal: any table. Ordinal (Krippendorff's ordinal alpha, linear and
/// quadratic kappa): numbers or ordered labels. Interval and ratio (Krippendorff), ICC, Cronbach's alpha and deviation
/// from an expert: numbers (ratio: numbers &gt;= 0). Asking for a statistic the table cannot support is an
/// <see cref="ArgumentException"/>; a statistic the data leave undefined (no complete unit, no variation) is NaN.</para>
/// </remarks>
public sealed class RatingTable
{
    private readonly string[] _raters;
    private readonly double[] _values; // units × raters, row-major: the value (numeric) or the category code (text); NaN = missing
    private readonly string[] _categories;
    private readonly double[]? _scale; // numeric tables: the category values, ascending
    private readonly int[] _codes; // units × raters: the category code, -1 = missing
    private ReadOnlyValueList<int>? _complete;

    private RatingTable(string[] raters, double[] values, int units, string[] categories, double[]? scale, bool ordered)
    {
        _raters = raters;
        _values = values;
        UnitCount = units;
        _categories = categories;
        _scale = scale;
        IsOrdered = ordered;
        _codes = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i];
            MissingCount += double.IsNaN(x) ? 1 : 0;
            _codes[i] = double.IsNaN(x) ? -1 : scale is null ? (int)x : Array.BinarySearch(scale, x);
        }
    }

    /// <summary>A table of numeric ratings.</summary>
    /// <param name="raters">The raters' names (columns): at least one, each non-empty and unique ignoring case.</param>
    /// <param name="ratings"><c>ratings[unit, rater]</c>; NaN marks a missing rating.</param>
    /// <param name="scale">The scale's points in any order (e.g. 1, 2, 3, 4, 5), or null to use the distinct values in the table; every rating must be one of them.</param>
    /// <exception cref="ArgumentException">The first problem <see cref="Parse"/> would report: bad names, a column count that is not the number of raters, a rating not on the scale.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rating or scale point is infinite.</exception>
    public RatingTable(IReadOnlyList<string> raters, double[,] ratings, IReadOnlyList<double>? scale = null)
        : this(Build(raters, ratings, scale))
    {
    }

    /// <summary>A table of text category labels.</summary>
    /// <param name="raters">The raters' names (columns): at least one, each non-empty and unique ignoring case.</param>
    /// <param name="ratings"><c>ratings[unit, rater]</c>, a category label; null, empty, <c>NA</c> or <c>N/A</c> marks a missing rating (<see cref="MissingValue"/>).</param>
    /// <param name="orderedCategories">The categories from lowest to highest, making the labels ordinal; or null for unordered (nominal) labels. Every label must be one of them, spelt exactly.</param>
    /// <exception cref="ArgumentException">The first problem <see cref="Parse"/> would report.</exception>
    public RatingTable(IReadOnlyList<string> raters, string?[,] ratings, IReadOnlyList<string>? orderedCategories = null)
        : this(BuildText(raters, ratings, orderedCategories))
    {
    }

    /// <summary>Adopts what a builder made (the public constructors validate through <see cref="Parse"/>'s rules, then land here).</summary>
    private RatingTable(RatingTable built)
    {
        _raters = built._raters;
        _values = built._values;
        _codes = built._codes;
        _categories = built._categories;
        _scale = built._scale;
        UnitCount = built.UnitCount;
        IsOrdered = built.IsOrdered;
        MissingCount = built.MissingCount;
    }

    /// <summary>
    /// Reads ratings given as text (as in a CSV file): every cell is a number in the invariant culture (<c>4.5</c>) or a
    /// category label, and missing cells follow <see cref="MissingValue"/>. Collects every problem instead of throwing.
    /// </summary>
    /// <param name="raters">The raters' names (the columns).</param>
    /// <param name="rows">One row per unit, one cell per rater.</param>
    /// <param name="categories">
    /// The categories in order, or null. When every label in it is a number it is the numeric scale (cells are compared
    /// as numbers); otherwise the cells are ordered text labels and must match a label exactly.
    /// </param>
    /// <returns>
    /// The table, or the problems, located by <see cref="QualityInputError.Row"/> (the unit, 0-based) and
    /// <see cref="QualityInputError.Column"/> (the rater): a rater name that is empty or repeated (ignoring case); a
    /// row with the wrong number of cells; numbers and text labels mixed in one table; labels that differ only in case;
    /// a number written with a comma (<c>4,5</c>); <c>NaN</c> or infinity as a rating; a rating that is not one of the
    /// given categories.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static QualityParseResult<RatingTable> Parse(IReadOnlyList<string> raters, IReadOnlyList<IReadOnlyList<string?>> rows, IReadOnlyList<string>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(raters);
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new List<QualityInputError>();
        CheckRaters(raters, errors);
        int r = raters.Count;
        int units = rows.Count;
        var cells = new string?[units, r];
        for (int u = 0; u < units; u++)
        {
            var row = rows[u];
            if (row is null || row.Count != r)
            {
                errors.Add(new QualityInputError("ratings", $"the row has {row?.Count ?? 0} cells for {r} raters") { Row = u });
                continue;
            }
            for (int j = 0; j < r; j++)
            {
                cells[u, j] = MissingValue.IsMissing(row[j]) ? null : row[j]!.Trim();
            }
        }
        if (errors.Count > 0)
        {
            return new QualityParseResult<RatingTable>(null, errors);
        }
        return Classify(raters, cells, categories);
    }

    /// <summary>The number of units (rows).</summary>
    public int UnitCount { get; }

    /// <summary>The number of raters (columns).</summary>
    public int RaterCount => _raters.Length;

    /// <summary>The raters' names, in column order.</summary>
    public IReadOnlyList<string> Raters => field ??= ReadOnlyValueList<string>.Own(_raters);

    /// <summary>True for numeric ratings; false for text category labels.</summary>
    public bool IsNumeric => _scale is not null;

    /// <summary>True when the categories have an order: numeric ratings, or text labels with their order given.</summary>
    public bool IsOrdered { get; }

    /// <summary>The categories in code order: for numbers their values in the invariant culture, ascending; for text the labels (in the given order, or ordinal order when unordered).</summary>
    public IReadOnlyList<string> Categories => field ??= ReadOnlyValueList<string>.Own(_categories);

    /// <summary>The numeric categories, ascending (the scale); empty for text labels.</summary>
    public IReadOnlyList<double> Scale => field ??= _scale is null ? ReadOnlyValueList<double>.Empty : ReadOnlyValueList<double>.Own(_scale);

    /// <summary>The number of missing ratings.</summary>
    public int MissingCount { get; }

    /// <summary>The units every rater rated, in order (the rows the complete-data statistics use).</summary>
    public IReadOnlyList<int> CompleteUnits => _complete ??= ReadOnlyValueList<int>.Own(Enumerable.Range(0, UnitCount).Where(IsComplete).ToArray());

    /// <summary>The index of the rater named <paramref name="rater"/> (ignoring case), or -1.</summary>
    public int IndexOf(string rater) => Array.FindIndex(_raters, r => string.Equals(r, rater, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the rating of <paramref name="unit"/> by <paramref name="rater"/> is missing.</summary>
    public bool IsMissing(int unit, int rater) => double.IsNaN(_values[Index(unit, rater)]);

    /// <summary>The category code (0..k-1, in <see cref="Categories"/> order) of a rating, or -1 when it is missing.</summary>
    public int Code(int unit, int rater) => _codes[Index(unit, rater)];

    /// <summary>The category codes row by row (<c>[unit * RaterCount + rater]</c>), -1 = missing.</summary>
    internal ReadOnlySpan<int> Codes => _codes;

    /// <summary>The category label of a rating, or null when it is missing.</summary>
    public string? Label(int unit, int rater) => Code(unit, rater) is int code and >= 0 ? _categories[code] : null;

    /// <summary>A numeric rating, NaN when missing.</summary>
    /// <exception cref="InvalidOperationException">The table holds text labels.</exception>
    public double Value(int unit, int rater)
    {
        if (_scale is null)
        {
            throw new InvalidOperationException("the table holds text categories, not numbers: read them with Label or Code.");
        }
        return _values[Index(unit, rater)];
    }

    /// <summary>The table restricted to the units every rater rated (<see cref="CompleteUnits"/>), with the same categories.</summary>
    public RatingTable WithCompleteUnits() => SelectUnits(CompleteUnits);

    /// <summary>The table restricted to the given units (in the order given), with the same raters and categories.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A unit index is out of range.</exception>
    public RatingTable SelectUnits(IReadOnlyList<int> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        int r = _raters.Length;
        var values = new double[units.Count * r];
        for (int i = 0; i < units.Count; i++)
        {
            if ((uint)units[i] >= (uint)UnitCount)
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(units), i, units[i], $"must be a unit index in [0, {UnitCount - 1}]");
            }
            Array.Copy(_values, units[i] * r, values, i * r, r);
        }
        return new RatingTable(_raters, values, units.Count, _categories, _scale, IsOrdered);
    }

    /// <summary>The ratings of the given raters only (in the order given), with the same categories.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rater index is out of range.</exception>
    public RatingTable SelectRaters(IReadOnlyList<int> raters)
    {
        ArgumentNullException.ThrowIfNull(raters);
        var names = new string[raters.Count];
        for (int j = 0; j < raters.Count; j++)
        {
            if ((uint)raters[j] >= (uint)_raters.Length)
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(raters), j, raters[j], $"must be a rater index in [0, {_raters.Length - 1}]");
            }
            names[j] = _raters[raters[j]];
        }
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Length)
        {
            ThrowHelper.ThrowArgument(nameof(raters), "raters lists a rater more than once.");
        }
        var values = new double[UnitCount * names.Length];
        for (int u = 0; u < UnitCount; u++)
        {
            for (int j = 0; j < names.Length; j++)
            {
                values[u * names.Length + j] = _values[u * _raters.Length + raters[j]];
            }
        }
        return new RatingTable(names, values, UnitCount, _categories, _scale, IsOrdered);
    }

    /// <summary>The ratings row by row (<c>[unit * RaterCount + rater]</c>): values for numbers, category codes for labels; NaN = missing.</summary>
    internal ReadOnlySpan<double> UnitsByRaters => _values;

    /// <summary>The ratings rater by rater (<c>[rater * UnitCount + unit]</c>), the layout of <see cref="KrippendorffAlpha.Compute(ReadOnlySpan{double}, int, MeasurementLevel)"/>.</summary>
    internal double[] RatersByUnits()
    {
        int r = _raters.Length;
        var data = new double[_values.Length];
        for (int u = 0; u < UnitCount; u++)
        {
            for (int j = 0; j < r; j++)
            {
                data[j * UnitCount + u] = _values[u * r + j];
            }
        }
        return data;
    }

    /// <summary>One rater's ratings (values or codes), NaN = missing.</summary>
    internal double[] Column(int rater)
    {
        CheckRater(rater, nameof(rater));
        var column = new double[UnitCount];
        for (int u = 0; u < UnitCount; u++)
        {
            column[u] = _values[u * _raters.Length + rater];
        }
        return column;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="paramName"/> unless the table holds numbers; <paramref name="what"/> names the statistic.</summary>
    internal void RequireNumeric(string what, string paramName = "table")
    {
        if (_scale is null)
        {
            throw new ArgumentException($"{what} needs numeric ratings; this table holds text categories ({string.Join(", ", _categories.Take(5))}{(_categories.Length > 5 ? ", ..." : "")}).", paramName);
        }
    }

    internal void CheckRater(int rater, string paramName)
    {
        if ((uint)rater >= (uint)_raters.Length)
        {
            ThrowHelper.ThrowOutOfRange(paramName, rater, $"must be a rater index in [0, {_raters.Length - 1}]");
        }
    }

    private bool IsComplete(int unit)
    {
        for (int j = 0; j < _raters.Length; j++)
        {
            if (double.IsNaN(_values[unit * _raters.Length + j]))
            {
                return false;
            }
        }
        return true;
    }

    private int Index(int unit, int rater)
    {
        if ((uint)unit >= (uint)UnitCount)
        {
            ThrowHelper.ThrowOutOfRange(nameof(unit), unit, $"must be a unit index in [0, {UnitCount - 1}]");
        }
        CheckRater(rater, nameof(rater));
        return unit * _raters.Length + rater;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{UnitCount} units × {RaterCount} raters ({string.Join(", ", _raters)}), {MissingCount} missing; ");
        text.Append(IsNumeric ? "numeric" : IsOrdered ? "ordered categories" : "categories");
        text.Append(": ").Append(string.Join(IsOrdered ? " < " : ", ", _categories.Take(12))).Append(_categories.Length > 12 ? " ..." : "");
        return text.ToString();
    }

    private static void CheckRaters(IReadOnlyList<string> raters, List<QualityInputError> errors)
    {
        if (raters.Count == 0)
        {
            errors.Add(new QualityInputError("raters", "a rating table needs at least one rater"));
        }
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int j = 0; j < raters.Count; j++)
        {
            if (string.IsNullOrWhiteSpace(raters[j]))
            {
                errors.Add(new QualityInputError("raters", "a rater needs a name") { Column = j });
            }
            else if (!seen.TryAdd(raters[j], j))
            {
                errors.Add(new QualityInputError("raters",
                    $"the rater '{raters[j]}' is named twice (columns {seen[raters[j]] + 1} and {j + 1}{(raters[seen[raters[j]]] == raters[j] ? "" : $", as '{raters[seen[raters[j]]]}' and '{raters[j]}': names are compared ignoring case")}); each rater's ratings must be one column")
                { Column = j });
            }
        }
    }

    /// <summary>Decides numbers or labels, checks every cell and builds the table.</summary>
    private static QualityParseResult<RatingTable> Classify(IReadOnlyList<string> raters, string?[,] cells, IReadOnlyList<string>? categories)
    {
        var errors = new List<QualityInputError>();
        CheckRaters(raters, errors);
        int units = cells.GetLength(0), r = cells.GetLength(1);
        if (r != raters.Count)
        {
            errors.Add(new QualityInputError("ratings", $"the ratings have {r} columns for {raters.Count} raters"));
            return new QualityParseResult<RatingTable>(null, errors);
        }
        double[]? scale = null;
        if (categories is not null)
        {
            CheckCategories(categories, errors, out scale);
            if (errors.Count > 0)
            {
                return new QualityParseResult<RatingTable>(null, errors);
            }
        }

        // Each present cell is a number or a label; a number written with a comma, NaN or infinity is neither.
        var numbers = new double[units, r];
        int numeric = 0, text = 0;
        for (int u = 0; u < units; u++)
        {
            for (int j = 0; j < r; j++)
            {
                numbers[u, j] = double.NaN;
                if (cells[u, j] is not string cell)
                {
                    continue;
                }
                if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double x))
                {
                    if (!double.IsFinite(x))
                    {
                        errors.Add(Cell(u, j, $"'{cell}' is not a rating: write an empty cell, NA or N/A for a missing one"));
                        continue;
                    }
                    numbers[u, j] = x;
                    numeric++;
                }
                else if (MissingValue.LooksLikeCommaNumber(cell))
                {
                    errors.Add(Cell(u, j, $"'{cell}' looks like a number written with a comma: use '.' for decimals and no thousands separator"));
                }
                else
                {
                    text++;
                }
            }
        }
        bool asNumbers = categories is null ? text == 0 : scale is not null;
        if (categories is null && numeric > 0 && text > 0)
        {
            // Report the minority kind: it is the odd one out (ties: the text cells).
            bool reportText = text <= numeric;
            for (int u = 0; u < units; u++)
            {
                for (int j = 0; j < r; j++)
                {
                    if (cells[u, j] is string cell && (double.IsNaN(numbers[u, j]) == reportText) && !MissingValue.LooksLikeCommaNumber(cell))
                    {
                        errors.Add(Cell(u, j, reportText
                            ? $"'{cell}' is text but {numeric} other ratings are numbers: a table holds numbers or category labels, not both (is this an id column?)"
                            : $"'{cell}' is a number but {text} other ratings are text labels: a table holds numbers or category labels, not both"));
                    }
                }
            }
        }
        if (errors.Count > 0)
        {
            return new QualityParseResult<RatingTable>(null, errors);
        }

        var values = new double[units * r];
        if (asNumbers)
        {
            scale ??= Distinct(numbers);
            for (int u = 0; u < units; u++)
            {
                for (int j = 0; j < r; j++)
                {
                    double x = numbers[u, j];
                    if (cells[u, j] is string cell && double.IsNaN(x))
                    {
                        errors.Add(Cell(u, j, $"'{cell}' is not a number on the scale {string.Join(", ", scale.Select(Format))}"));
                    }
                    else if (!double.IsNaN(x) && Array.BinarySearch(scale, x) < 0)
                    {
                        errors.Add(Cell(u, j, $"{Format(x)} is not on the scale {string.Join(", ", scale.Select(Format))}"));
                    }
                    values[u * r + j] = x;
                }
            }
            return errors.Count > 0
                ? new QualityParseResult<RatingTable>(null, errors)
                : new QualityParseResult<RatingTable>(new RatingTable(raters.ToArray(), values, units, scale.Select(Format).ToArray(), scale, ordered: true), []);
        }

        // Text labels: given in order, or every distinct spelling (which must not differ only in case).
        string[] labels;
        if (categories is not null)
        {
            labels = categories.Select(c => c.Trim()).ToArray();
        }
        else
        {
            var byFolded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var distinct = new SortedSet<string>(StringComparer.Ordinal);
            for (int u = 0; u < units; u++)
            {
                for (int j = 0; j < r; j++)
                {
                    if (cells[u, j] is not string cell)
                    {
                        continue;
                    }
                    if (byFolded.TryGetValue(cell, out var first) && first != cell)
                    {
                        errors.Add(Cell(u, j, $"'{cell}' and '{first}' differ only in case: spell each category one way (or give the categories in order)"));
                        continue;
                    }
                    byFolded.TryAdd(cell, cell);
                    distinct.Add(cell);
                }
            }
            labels = distinct.ToArray();
        }
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < labels.Length; k++)
        {
            codes[labels[k]] = k;
        }
        for (int u = 0; u < units; u++)
        {
            for (int j = 0; j < r; j++)
            {
                if (cells[u, j] is not string cell)
                {
                    values[u * r + j] = double.NaN;
                }
                else if (codes.TryGetValue(cell, out int code))
                {
                    values[u * r + j] = code;
                }
                else if (categories is not null)
                {
                    string? near = labels.FirstOrDefault(l => string.Equals(l, cell, StringComparison.OrdinalIgnoreCase));
                    errors.Add(Cell(u, j, $"'{cell}' is not one of the categories {string.Join(", ", labels)}{(near is null ? "" : $" (did you mean '{near}'?)")}"));
                }
            }
        }
        return errors.Count > 0
            ? new QualityParseResult<RatingTable>(null, errors)
            : new QualityParseResult<RatingTable>(new RatingTable(raters.ToArray(), values, units, labels, scale: null, ordered: categories is not null), []);
    }

    private static void CheckCategories(IReadOnlyList<string> categories, List<QualityInputError> errors, out double[]? scale)
    {
        scale = null;
        if (categories.Count == 0)
        {
            errors.Add(new QualityInputError("categories", "the category list is empty"));
            return;
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var values = new double[categories.Count];
        bool allNumbers = true;
        for (int k = 0; k < categories.Count; k++)
        {
            string label = categories[k]?.Trim() ?? "";
            if (MissingValue.IsMissing(label))
            {
                errors.Add(new QualityInputError("categories", $"category {k + 1} is empty or a missing-value token") { Column = k });
            }
            else if (!seen.Add(label))
            {
                errors.Add(new QualityInputError("categories", $"the category '{label}' is listed twice (ignoring case)") { Column = k });
            }
            if (MissingValue.LooksLikeCommaNumber(label))
            {
                errors.Add(new QualityInputError("categories", $"'{label}' looks like a number written with a comma: use '.' for decimals") { Column = k });
            }
            allNumbers &= double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]) && double.IsFinite(values[k]);
        }
        if (allNumbers && errors.Count == 0)
        {
            var sorted = values.Order().ToArray();
            if (sorted.Distinct().Count() != sorted.Length)
            {
                errors.Add(new QualityInputError("categories", "the numeric scale lists a value twice (e.g. 1 and 1.0)"));
                return;
            }
            scale = sorted;
        }
    }

    private static double[] Distinct(double[,] numbers)
    {
        var set = new SortedSet<double>();
        foreach (double x in numbers)
        {
            if (!double.IsNaN(x))
            {
                set.Add(x);
            }
        }
        return set.ToArray();
    }

    private static QualityInputError Cell(int unit, int rater, string message) => new("ratings", message) { Row = unit, Column = rater };

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static RatingTable Build(IReadOnlyList<string> raters, double[,] ratings, IReadOnlyList<double>? scale)
    {
        ArgumentNullException.ThrowIfNull(raters);
        ArgumentNullException.ThrowIfNull(ratings);
        var errors = new List<QualityInputError>();
        CheckRaters(raters, errors);
        int units = ratings.GetLength(0), r = ratings.GetLength(1);
        if (errors.Count == 0 && r != raters.Count)
        {
            errors.Add(new QualityInputError("ratings", $"the ratings have {r} columns for {raters.Count} raters"));
        }
        if (errors.Count > 0)
        {
            return new QualityParseResult<RatingTable>(null, errors).GetValueOrThrowFirst(nameof(ratings));
        }
        double[]? points = null;
        if (scale is not null)
        {
            points = scale.Order().ToArray();
            for (int k = 0; k < points.Length; k++)
            {
                if (!double.IsFinite(points[k]))
                {
                    throw new ArgumentOutOfRangeException(nameof(scale), points[k], $"scale points must be finite; got {Format(points[k])}.");
                }
                if (k > 0 && points[k] == points[k - 1])
                {
                    ThrowHelper.ThrowArgument(nameof(scale), $"the scale lists {Format(points[k])} twice.");
                }
            }
            if (points.Length == 0)
            {
                ThrowHelper.ThrowArgument(nameof(scale), "the scale is empty.");
            }
        }
        var values = new double[units * r];
        var seen = points is null ? new HashSet<double>() : null;
        for (int u = 0; u < units; u++)
        {
            for (int j = 0; j < r; j++)
            {
                double x = ratings[u, j];
                if (double.IsInfinity(x))
                {
                    throw new ArgumentOutOfRangeException(nameof(ratings), x, $"ratings[{u}, {j}] must be finite (or NaN for missing); got {Format(x)}.");
                }
                if (!double.IsNaN(x))
                {
                    x += 0.0; // -0 and 0 are one rating
                    if (points is not null && Array.BinarySearch(points, x) < 0)
                    {
                        ThrowHelper.ThrowArgument(nameof(ratings), $"ratings[{u}, {j}]: {Format(x)} is not on the scale {string.Join(", ", points.Select(Format))}.");
                    }
                    seen?.Add(x);
                }
                values[u * r + j] = x;
            }
        }
        points ??= seen!.Order().ToArray();
        return new RatingTable(raters.ToArray(), values, units, points.Select(Format).ToArray(), points, ordered: true);
    }

    private static RatingTable BuildText(IReadOnlyList<string> raters, string?[,] ratings, IReadOnlyList<string>? orderedCategories)
    {
        ArgumentNullException.ThrowIfNull(raters);
        ArgumentNullException.ThrowIfNull(ratings);
        var cells = new string?[ratings.GetLength(0), ratings.GetLength(1)];
        for (int u = 0; u < ratings.GetLength(0); u++)
        {
            for (int j = 0; j < ratings.GetLength(1); j++)
            {
                cells[u, j] = MissingValue.IsMissing(ratings[u, j]) ? null : ratings[u, j]!.Trim();
            }
        }
        var result = Classify(raters, cells, orderedCategories);
        if (result.Value is { IsNumeric: true })
        {
            // Labels that all read as numbers are still labels here: the caller chose text.
            var table = result.Value;
            var labels = table._categories;
            var codes = new double[table._values.Length];
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = double.IsNaN(table._values[i]) ? double.NaN : Array.BinarySearch(table._scale!, table._values[i]);
            }
            return new RatingTable(table._raters, codes, table.UnitCount, labels, scale: null, ordered: orderedCategories is not null);
        }
        return result.GetValueOrThrowFirst(nameof(ratings));
    }
}

/// <summary>Helpers shared by the quality readers.</summary>
internal static class QualityParseResultExtensions
{
    /// <summary>The value, or an <see cref="ArgumentException"/> for the first problem (the constructors' rule), naming its place.</summary>
    public static T GetValueOrThrowFirst<T>(this QualityParseResult<T> result, string paramName)
        where T : class
    {
        if (result.Value is null)
        {
            var first = result.Errors[0];
            string parameter = first.Field is "raters" or "categories" ? first.Field : paramName;
            string where = first.Field switch
            {
                "ratings" when first.Row >= 0 && first.Column >= 0 => $"{paramName}[{first.Row}, {first.Column}]: ",
                "ratings" when first.Row >= 0 => $"{paramName}[{first.Row}]: ",
                "raters" or "categories" when first.Column >= 0 => $"{first.Field}[{first.Column}]: ",
                _ => "",
            };
            throw new ArgumentException($"{where}{first.Message}.", parameter);
        }
        return result.Value;
    }
}
