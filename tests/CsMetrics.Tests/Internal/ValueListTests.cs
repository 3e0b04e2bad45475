using CsMetrics.Internal;

namespace CsMetrics.Tests.Internal;

public class ValueListTests
{
    [Fact]
    public void Lists_compare_by_content_including_NaN_and_copy_what_they_are_given()
    {
        var source = new[] { 1.0, double.NaN, 3 };
        var a = ValueList<double>.From(source);
        var b = ValueList<double>.From(new List<double> { 1, double.NaN, 3 });
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        source[0] = 99;
        Assert.Equal(1, a[0]);
        Assert.NotEqual(a, ValueList<double>.From([1.0, double.NaN]));
        Assert.Same(a, ValueList<double>.From(a));
        Assert.Same(ValueList<double>.Empty, ValueList<double>.From((IEnumerable<double>?)null));
        Assert.Equal("[1, NaN, 3]", a.ToString());
        Assert.False(((IReadOnlyList<double>)a) is double[]);
        Assert.True(ValueList<double>.SequenceEqual(a, new[] { 1.0, double.NaN, 3 }));
        Assert.False(ValueList<double>.SequenceEqual(a, null));
        Assert.Equal(a, ValueList<double>.Copy([1.0, double.NaN, 3]));
    }
}
