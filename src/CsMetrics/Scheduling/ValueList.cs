using System.Collections;

namespace CsMetrics.Scheduling;

/// <summary>
/// A read-only list that owns its items (copied in; never handed out as an array that a caller could cast
/// back and change) and compares by value, so records that hold one keep value equality.
/// </summary>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    private ValueList(T[] items) => _items = items;

    public static ValueList<T> Empty { get; } = new([]);

    /// <summary>A list holding a copy of <paramref name="items"/> (the same list when it is already a <see cref="ValueList{T}"/>).</summary>
    public static ValueList<T> Copy(IEnumerable<T> items) => items switch
    {
        ValueList<T> list => list,
        _ => Own(items.ToArray()),
    };

    /// <summary>Wraps an array the caller gives up (no copy): nothing else may keep a reference to it.</summary>
    public static ValueList<T> Own(T[] items) => items.Length == 0 ? Empty : new ValueList<T>(items);

    public T this[int index] => _items[index];

    public int Count => _items.Length;

    public ReadOnlySpan<T> AsSpan() => _items;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", _items) + "]";

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
}
