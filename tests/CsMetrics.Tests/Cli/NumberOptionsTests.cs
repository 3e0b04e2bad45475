using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Cli;

/// <summary>Numbers on the command line are read one way (invariant culture, no thousands separators, finite).</summary>
public class NumberOptionsTests
{
    [Theory]
    [InlineData("plan", "--aht-s", "2,8")]
    [InlineData("plan", "--target-sl", "0,8")]
    [InlineData("plan", "--shrinkage", "1,5")]
    [InlineData("forecast", "--level", "9,5")]
    [InlineData("plan", "--aht-s", "1,000")]
    public void A_comma_in_a_number_is_an_error_not_a_thousands_separator(string command, string option, string value)
    {
        string[] args = command == "forecast" ? [command, "--season-length", "1", "--horizon", "2", option, value] : [command, option, value];
        var result = CliRunner.RunWithInput("value\n1\n2\n3\n", args);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith($"error: {option}: '{value}' is not a number: use '.' for decimals", result.Error);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("2.8x")]
    [InlineData("")]
    public void A_non_finite_or_malformed_number_is_an_error(string value)
    {
        var result = CliRunner.Run("plan", "--aht-s", value);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith("error: ", result.Error);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1.5")]
    [InlineData("3000000000")]
    public void Whole_number_options_take_whole_numbers_only(string value)
    {
        var result = CliRunner.RunWithInput("value\n1\n2\n3\n", "forecast", "--season-length", value, "--horizon", "2");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --season-length: ", result.Error);
    }

    [Fact]
    public void Invariant_numbers_with_exponents_and_signs_are_accepted()
    {
        var result = CliRunner.RunWithInput("value\n1\n2\n3\n4\n5\n6\n5\n4\n3\n4\n5\n", "forecast", "--season-length", "+1", "--horizon", "2", "--model", "ANN", "--level", "8.0e1");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("lower80", result.Output);
    }
}
