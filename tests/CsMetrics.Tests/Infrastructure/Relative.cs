namespace CsMetrics.Tests.Infrastructure;

/// <summary>
/// The one relative-tolerance comparison for tests: <c>|expected − actual| ≤ tolerance·|expected|</c>. An expected 0
/// needs an exact 0 (as the library's Tolerance rule gives a zero target no tolerance); NaN matches NaN and an infinity
/// matches the same infinity. Use an explicit absolute bound (<see cref="Assert.Equal(double, double, double)"/>) only
/// where the expected value is itself a rounded printed figure.
/// </summary>
public static class Relative
{
    /// <summary>True when <paramref name="actual"/> is within <paramref name="tolerance"/> (relative) of <paramref name="expected"/>.</summary>
    public static bool Within(double expected, double actual, double tolerance = 1e-12) =>
        expected.Equals(actual) || Math.Abs(expected - actual) <= tolerance * Math.Abs(expected);

    /// <summary>Asserts <see cref="Within"/>, with both values in round-trip form in the message.</summary>
    public static void Equal(double expected, double actual, double tolerance = 1e-12, string what = "")
    {
        if (!Within(expected, actual, tolerance))
        {
            double error = expected == 0 ? double.PositiveInfinity : Math.Abs(expected - actual) / Math.Abs(expected);
            Assert.Fail($"{(what.Length > 0 ? what + ": " : "")}expected {expected:R}, got {actual:R} (relative error {error:G3} > {tolerance:G3})");
        }
    }
}
