using System.Collections;
using System.Globalization;

namespace CsMetrics.Internal;

/// <summary>
/// An immutable list with value equality: two lists are equal when they hold equal elements in the same
/// order (<see cref="EqualityComparer{T}.Default"/>, so NaN equals NaN as in record equality). Result
/// records expose their lists as <see cref="IReadOnlyList{T}"/> backed by this type, so a record holding a
/// list compares by content and nobody can change the list through a cast to an array.
/// </summary>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    private ValueList(T[] items) => _items = items;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <summary>A list holding a copy of <paramref name="items"/> (the same instance when it already is a value list).</summary>
    public static ValueList<T> From(IEnumerable<T>? items) => items switch
    {
        null => Empty,
        ValueList<T> list => list,
        _ => new ValueList<T>(items.ToArray()),
    };

    /// <summary>The same as <see cref="From(IEnumerable{T})"/> for a non-null sequence (the name Scheduling's copy of this type uses).</summary>
    public static ValueList<T> Copy(IEnumerable<T> items) => From(items ?? throw new ArgumentNullException(nameof(items)));

    /// <summary>Value equality of two lists that may be any <see cref="IReadOnlyList{T}"/>.</summary>
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

    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public static ValueList<T> From(ReadOnlySpan<T> items) => items.IsEmpty ? Empty : new ValueList<T>(items.ToArray());

    /// <summary>Takes ownership of <paramref name="items"/>: the caller must not keep or change the array.</summary>
    public static ValueList<T> Own(T[] items) => items.Length == 0 ? Empty : new ValueList<T>(items);

    public T this[int index] => _items[index];

    public int Count => _items.Length;

    /// <summary>The elements as a span (no copy).</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    /// <summary><c>[a, b, c]</c> in the invariant culture.</summary>
    public override string ToString() =>
        "[" + string.Join(", ", _items.Select(x => x is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : x?.ToString())) + "]";
}
