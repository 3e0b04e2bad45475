using CsMetrics.Forecasting;

namespace CsMetrics.Tests.Forecasting;

public class EtsSpecificationTests
{
    [Theory]
    [InlineData("ANN", 1, "ETS(A,N,N)", 1, 1)]
    [InlineData("aada", 12, "ETS(A,Ad,A)", 14, 4)]
    [InlineData("MAM", 12, "ETS(M,A,M)", 14, 3)]
    [InlineData("ETS(M,Ad,M)", 4, "ETS(M,Ad,M)", 6, 4)]
    [InlineData("MNA", 7, "ETS(M,N,A)", 8, 2)]
    public void Parse_ReadsRNames(string name, int m, string expected, int stateLength, int smoothing)
    {
        var specification = EtsSpecification.Parse(name, m);
        Assert.Equal(expected, specification.ToString());
        Assert.Equal(stateLength, specification.StateLength);
        Assert.Equal(smoothing, specification.SmoothingParameterCount);
        Assert.Equal(specification, EtsSpecification.Parse(specification.ShortName, m));
    }

    [Theory]
    [InlineData("XYZ", 12)]
    [InlineData("AMA", 12)]
    [InlineData("AAA", 1)]
    [InlineData("", 12)]
    public void TryParse_RejectsNonModels(string name, int m) => Assert.False(EtsSpecification.TryParse(name, m, out _));

    [Fact]
    public void Parse_SeasonalModelWithoutSeason_NamesTheSeasonLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => EtsSpecification.Parse("ANA", 1));
        Assert.Equal("name", ex.ParamName);
    }

    [Theory]
    [InlineData("AAA", 1)]
    [InlineData("MAA", 2)]
    [InlineData("MAM", 3)]
    public void VarianceClass_FollowsHyndmanEtAl(string name, int expected) =>
        Assert.Equal(expected, EtsSpecification.Parse(name, 12).VarianceClass);
}
