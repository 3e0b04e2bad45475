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

    [Fact]
    public void Dimension_names_are_unique_and_the_scale_can_change()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServqualInstrument(["Speed", "speed"], [0, 1]));
        Assert.Equal("dimensions", ex.ParamName);
        Assert.Contains("dimensions[1] 'speed' repeats dimensions[0]", ex.Message);
        Assert.Throws<ArgumentException>(() => new ServqualInstrument([" ", "B"], [0, 1]));

        // The 1988 instrument on a 5-point scale reverse-scores as 6 - x.
        var five = ServqualInstrument.Standard1988.WithScale(1, 5);
        Assert.Equal(5, five.ScaleMaximum);
        Assert.True(five.IsReverseScored(9));
        var e = Enumerable.Repeat(4.0, 22).ToArray();
        var p = Enumerable.Repeat(4.0, 22).ToArray();
        p[9] = 2; // reversed: 6 - 2 = 4 against E 6 - 4 = 2: gap +2
        Assert.Equal(2, Servqual.ScoreRespondent(five, new ServqualResponse(e, p)).ItemGaps[9], 12);
        Assert.Contains("outside the scale [1, 5]", five.ProblemWithAnswer(0, 6));
        Assert.Null(five.ProblemWithAnswer(0, double.NaN));
        Assert.Throws<ArgumentException>(() => ServqualInstrument.Standard.WithScale(5, 1));
        Assert.False(ServqualInstrument.Standard.Dimensions is string[]);
        Assert.False(ServqualInstrument.Standard.ItemsOf(0) is int[]);
    }
}
