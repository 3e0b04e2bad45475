using System.Collections;
using System.Globalization;

namespace CsMetrics.Internal;

/// <summary>
/// An immutable list with value equality, for result types that expose <see cref="IReadOnlyList{T}"/>:
/// it owns a private copy of its items (never a caller's array), cannot be cast back to an array, and
/// two lists with equal items in the same order are equal (so records holding them compare by value).
/// Doubles compare with <see cref="double.Equals(double)"/>: NaN equals NaN, as a record field does.
/// </summary>
internal sealed class ReadOnlyValueList<T> : IReadOnlyList<T>, IEquatable<ReadOnlyValueList<T>>
{
    private readonly T[] _items;

    private ReadOnlyValueList(T[] items) => _items = items;

    /// <summary>The empty list.</summary>
    public static ReadOnlyValueList<T> Empty { get; } = new([]);

    /// <summary>A list of a copy of <paramref name="items"/>.</summary>
    public static ReadOnlyValueList<T> CopyOf(ReadOnlySpan<T> items) => items.IsEmpty ? Empty : new(items.ToArray());

    /// <summary>A list of a copy of <paramref name="items"/>.</summary>
    public static ReadOnlyValueList<T> CopyOf(IEnumerable<T> items) => items is ReadOnlyValueList<T> list ? list : new(items.ToArray());

    /// <summary>Takes ownership of <paramref name="items"/>: the caller must not keep or change the array.</summary>
    public static ReadOnlyValueList<T> Own(T[] items) => items.Length == 0 ? Empty : new(items);

    /// <inheritdoc/>
    public T this[int index] => _items[index];

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <summary>The items as a span (no copy).</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(ReadOnlyValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ReadOnlyValueList<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_items.Length);
        // The length and up to eight items spread over the list: cheap for long forecasts, rarely colliding.
        int stride = Math.Max(1, _items.Length / 8);
        for (int i = 0; i < _items.Length; i += stride)
        {
            hash.Add(_items[i]);
        }
        return hash.ToHashCode();
    }

    /// <summary>Value equality of two lists that may be any <see cref="IReadOnlyList{T}"/> (for types that accept a caller's list).</summary>
    public static bool SequenceEqual(IReadOnlyList<T>? a, IReadOnlyList<T>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }
        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Count; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The count and the first items, e.g. <c>[3 items: 1, 2, 3]</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"[{_items.Length} items{(_items.Length == 0 ? "" : ": ")}{string.Join(", ", _items.Take(8))}{(_items.Length > 8 ? ", ..." : "")}]");
}
