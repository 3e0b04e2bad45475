using CsMetrics.Quality;

namespace CsMetrics.Tests.Quality;

public class ServqualInstrumentTests
{
    [Fact]
    public void Standard_instruments_have_the_22_item_map_and_1988_reverse_items()
    {
        var standard = ServqualInstrument.Standard;
        Assert.Equal(22, standard.ItemCount);
        Assert.Equal([4, 5, 4, 4, 5], Enumerable.Range(0, 5).Select(d => standard.ItemsOf(d).Count).ToArray());
        Assert.Equal(2, standard.DimensionOf(9));  // item 10: responsiveness
        Assert.Equal(4, standard.DimensionOf(21)); // item 22: empathy
        Assert.DoesNotContain(Enumerable.Range(0, 22), standard.IsReverseScored);
        var reversed = Enumerable.Range(0, 22).Where(ServqualInstrument.Standard1988.IsReverseScored).Select(i => i + 1).ToArray();
        Assert.Equal([10, 11, 12, 13, 18, 19, 20, 21, 22], reversed);
    }

    [Fact]
    public void Custom_instruments_are_validated()
    {
        var custom = new ServqualInstrument(["Speed", "Care"], [0, 1, 1], [false, true, false], 1, 5);
        Assert.Equal(3, custom.ItemCount);
        Assert.Equal([1, 2], custom.ItemsOf(1));
        Assert.Contains("Care 2R,3", custom.ToString());
        Assert.Contains("itemDimensions[1]", Assert.Throws<ArgumentOutOfRangeException>(() => new ServqualInstrument(["A"], [0, 1])).Message);
        Assert.Contains("'B' has no items", Assert.Throws<ArgumentException>(() => new ServqualInstrument(["A", "B"], [0, 0])).Message);
        Assert.Throws<ArgumentException>(() => new ServqualInstrument(["A"], [0], [true, false]));
        Assert.Throws<ArgumentException>(() => new ServqualInstrument(["A"], [0], default, 7, 1));
    }
}
