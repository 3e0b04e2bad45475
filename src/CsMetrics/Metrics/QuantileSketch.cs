using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Metrics;

/// <summary>
/// A mergeable streaming quantile sketch with a relative-error guarantee (DDSketch: Masson, Rim &amp; Lee,
/// "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees", PVLDB 12(12), 2019),
/// for response and resolution times over unbounded streams.
/// </summary>
/// <remarks>
/// <para>With γ = (1 + α)/(1 − α), a value v &gt; 0 goes to bucket <c>k = ⌈log_γ v⌉</c>, which covers (γ^(k−1), γ^k];
/// the bucket's estimate <c>2γ^k/(γ + 1)</c> is within a factor α of every value in it. So for the item x of 0-based
/// rank <c>⌊q(n − 1)⌋</c>, <see cref="Quantile"/> returns x̃ with <c>|x̃ − x| ≤ α·x</c>.</para>
/// <para>Values below 1e-9 (including 0) are kept in a separate zero bucket and estimated as 0. Memory is a dense
/// array of at most <see cref="MaxBuckets"/> counts (2,048 buckets at α = 0.01 span 1e-9 s to beyond 1e8 s); if the
/// values ever spread wider, the lowest buckets are collapsed together and the guarantee then holds only for quantiles
/// above the collapsed range (<see cref="IsCollapsed"/> says so).</para>
/// <para>Two sketches with the same α merge exactly: the merged bucket counts equal those of one sketch fed both
/// streams. <see cref="Add(double)"/> allocates only when the bucket range grows. Not thread-safe: give each thread its
/// own sketch and <see cref="Merge"/>.</para>
/// </remarks>
public sealed class QuantileSketch
{
    /// <summary>Values below this are counted in the zero bucket.</summary>
    public const double MinIndexableValue = 1e-9;

    private readonly double _gamma;
    private readonly double _inverseLogGamma;
    private long[] _counts = [];
    private int _offset;
    private int _minKey = int.MaxValue;
    private int _maxKey = int.MinValue;
    private long _zeroCount;

    /// <summary>Creates an empty sketch.</summary>
    /// <param name="relativeAccuracy">α, the relative error bound, in (0, 0.5]; 0.01 gives ±1%.</param>
    /// <param name="maxBuckets">The most buckets kept, &gt;= 16.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public QuantileSketch(double relativeAccuracy = 0.01, int maxBuckets = 2048)
    {
        Preconditions.CheckRange(relativeAccuracy, double.Epsilon, 0.5);
        if (maxBuckets < 16)
        {
            ThrowHelper.ThrowOutOfRange(nameof(maxBuckets), maxBuckets, "must be >= 16");
        }
        RelativeAccuracy = relativeAccuracy;
        MaxBuckets = maxBuckets;
        _gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        _inverseLogGamma = 1 / Math.Log(_gamma);
    }

    /// <summary>α: every quantile is within this fraction of the true value (see remarks).</summary>
    public double RelativeAccuracy { get; }

    /// <summary>The most buckets the sketch keeps.</summary>
    public int MaxBuckets { get; }

    /// <summary>The number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>The smallest value added (NaN when empty).</summary>
    public double Min { get; private set; } = double.NaN;

    /// <summary>The largest value added (NaN when empty).</summary>
    public double Max { get; private set; } = double.NaN;

    /// <summary>True when low buckets have been collapsed to respect <see cref="MaxBuckets"/>.</summary>
    public bool IsCollapsed { get; private set; }

    /// <summary>Adds one value (e.g. a response time in seconds).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite.</exception>
    public void Add(double value)
    {
        if (!(value >= 0 && value < double.PositiveInfinity))
        {
            ThrowHelper.ThrowOutOfRange(nameof(value), value, "must be a finite number >= 0");
        }
        AddValid(value);
    }

    /// <summary>Adds every value in <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, NaN or infinite (named by index); nothing is added.</exception>
    public void Add(ReadOnlySpan<double> values)
    {
        DurationKernel.Sum(values, nameof(values)); // validates every value before any is added
        foreach (double value in values)
        {
            AddValid(value);
        }
    }

    private void AddValid(double value)
    {
        if (value < MinIndexableValue)
        {
            _zeroCount++;
        }
        else
        {
            Increment((int)Math.Ceiling(Math.Log(value) * _inverseLogGamma), 1);
        }
        Min = Count == 0 ? value : Math.Min(Min, value);
        Max = Count == 0 ? value : Math.Max(Max, value);
        Count++;
    }

    /// <summary>Adds the contents of <paramref name="other"/> (which is unchanged).</summary>
    /// <exception cref="ArgumentException">The sketches have different relative accuracies.</exception>
    public void Merge(QuantileSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.RelativeAccuracy != RelativeAccuracy)
        {
            ThrowHelper.ThrowArgument(nameof(other), $"cannot merge sketches with relative accuracies {other.RelativeAccuracy} and {RelativeAccuracy}.");
        }
        if (other.Count == 0)
        {
            return;
        }
        for (int key = other._minKey; key <= other._maxKey; key++)
        {
            long count = other._counts[key - other._offset];
            if (count != 0)
            {
                Increment(key, count);
            }
        }
        IsCollapsed |= other.IsCollapsed;
        _zeroCount += other._zeroCount;
        Min = Count == 0 ? other.Min : Math.Min(Min, other.Min);
        Max = Count == 0 ? other.Max : Math.Max(Max, other.Max);
        Count += other.Count;
    }

    /// <summary>The estimated quantile at <paramref name="level"/>: within <see cref="RelativeAccuracy"/> of the value of
    /// 0-based rank ⌊level·(n − 1)⌋, and within [<see cref="Min"/>, <see cref="Max"/>]. NaN when empty.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside [0, 1] (90 is rejected, not read as p90).</exception>
    public double Quantile(double level)
    {
        Preconditions.CheckQuantileLevel(level);
        if (Count == 0)
        {
            return double.NaN;
        }
        long rank = (long)(level * (Count - 1));
        long cumulative = _zeroCount;
        if (rank < cumulative)
        {
            return Min; // the zero bucket holds values below 1e-9; the smallest is as good an estimate as any
        }
        for (int key = _minKey; key <= _maxKey; key++)
        {
            cumulative += _counts[key - _offset];
            if (cumulative > rank)
            {
                double estimate = 2 * Math.Pow(_gamma, key) / (_gamma + 1);
                return Math.Clamp(estimate, Min, Max);
            }
        }
        return Max;
    }

    /// <summary>Prints the count, α and p50/p90/p99.</summary>
    public override string ToString() => Count == 0
        ? "QuantileSketch: empty"
        : string.Create(CultureInfo.InvariantCulture,
            $"QuantileSketch: n = {Count}, alpha = {RelativeAccuracy}, p50 {Quantile(0.5):G5}, p90 {Quantile(0.9):G5}, p99 {Quantile(0.99):G5}");

    private void Increment(int key, long count)
    {
        if (key < _offset || key >= _offset + _counts.Length)
        {
            key = Reserve(key);
        }
        _counts[key - _offset] += count;
        _minKey = Math.Min(_minKey, key);
        _maxKey = Math.Max(_maxKey, key);
    }

    /// <summary>Grows (or re-centres) the bucket array to hold <paramref name="key"/>, collapsing the lowest buckets
    /// when the range would exceed <see cref="MaxBuckets"/>. Returns the key to use (raised when collapsed).</summary>
    private int Reserve(int key)
    {
        bool empty = _minKey > _maxKey;
        int low = empty ? key : Math.Min(key, _minKey);
        int high = empty ? key : Math.Max(key, _maxKey);
        if ((long)high - low + 1 > MaxBuckets)
        {
            low = high - MaxBuckets + 1;
            IsCollapsed = true;
        }
        int needed = high - low + 1;
        int capacity = Math.Min(MaxBuckets, Math.Max(needed, Math.Max(64, 2 * _counts.Length)));
        // Spare room on both sides, so a stream drifting either way seldom reallocates.
        int offset = low - (capacity - needed) / 2;
        var counts = new long[capacity];
        if (!empty)
        {
            for (int k = _minKey; k <= _maxKey; k++)
            {
                counts[Math.Max(k, low) - offset] += _counts[k - _offset];
            }
            _minKey = Math.Max(_minKey, low);
            _maxKey = Math.Max(_maxKey, low);
        }
        _counts = counts;
        _offset = offset;
        return Math.Max(key, low);
    }
}
