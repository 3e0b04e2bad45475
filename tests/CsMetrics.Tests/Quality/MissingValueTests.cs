using CsMetrics.Quality;

namespace CsMetrics.Tests.Quality;

public class MissingValueTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("NA", true)]
    [InlineData("na", true)]
    [InlineData(" N/A ", true)]
    [InlineData("n/a", true)]
    [InlineData("NaN", false)]
    [InlineData("null", false)]
    [InlineData("-", false)]
    [InlineData("0", false)]
    [InlineData("NAN", false)]
    public void Only_empty_NA_and_N_A_are_missing(string? text, bool missing) => Assert.Equal(missing, MissingValue.IsMissing(text));

    [Theory]
    [InlineData("4,5", true)]
    [InlineData("-1,5", true)]
    [InlineData("1,000", true)]
    [InlineData("1,000.5", true)]
    [InlineData("4.5", false)]
    [InlineData("a,b", false)]
    [InlineData(",5", false)]
    [InlineData("5,", false)]
    [InlineData("good", false)]
    public void Numbers_written_with_a_comma_are_recognised(string text, bool comma) => Assert.Equal(comma, MissingValue.LooksLikeCommaNumber(text));

    [Fact]
    public void The_tokens_are_listed() => Assert.Equal(["NA", "N/A"], MissingValue.Tokens);
}
