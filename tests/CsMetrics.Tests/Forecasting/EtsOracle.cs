using System.Text.Json;
using CsMetrics.Forecasting;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Forecasting;

/// <summary>Reads the R and best-known ETS oracle files copied into Reference/forecasting.</summary>
internal static class EtsOracle
{
    public static readonly string[] RFits =
    [
        "r_ets_AirPassengers_AAA.json", "r_ets_AirPassengers_AAAd.json", "r_ets_AirPassengers_MAM.json",
        "r_ets_USAccDeaths_AAA.json", "r_ets_USAccDeaths_AAAd.json", "r_ets_USAccDeaths_MAM.json",
    ];

    public static double[] Series(string name) =>
        ReferenceData.ReadCsv($"forecasting/{name}.csv").Select(row => ReferenceData.Number(row["value"])).ToArray();

    public static JsonElement Read(string file)
    {
        using var document = ReferenceData.ReadJson($"forecasting/{file}");
        return document.RootElement.Clone();
    }

    public static double[] Numbers(this JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static double Number(this JsonElement element, string name) => element.GetProperty(name).GetDouble();

    public static EtsParameters Parameters(JsonElement par) => new(
        par.GetProperty("alpha").GetDouble(),
        par.TryGetProperty("beta", out var beta) ? beta.GetDouble() : double.NaN,
        par.TryGetProperty("gamma", out var gamma) ? gamma.GetDouble() : double.NaN,
        par.TryGetProperty("phi", out var phi) ? phi.GetDouble() : double.NaN);

    public static (double[] Values, EtsSpecification Specification) Model(JsonElement fit)
    {
        var values = Series(fit.GetProperty("series").GetString()!);
        var specification = EtsSpecification.Parse(fit.GetProperty("method").GetString()!, fit.GetProperty("frequency").GetInt32());
        return (values, specification);
    }

    /// <summary>Asserts |actual - expected| &lt;= tolerance * max(|expected|, floor) element-wise, floor = 1e-3 of the vector's largest magnitude.</summary>
    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        double floor = 1e-3 * expected.Max(Math.Abs);
        for (int i = 0; i < expected.Count; i++)
        {
            double allowed = tolerance * Math.Max(Math.Abs(expected[i]), floor);
            Assert.True(Math.Abs(actual[i] - expected[i]) <= allowed,
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (difference {actual[i] - expected[i]:E3}, allowed {allowed:E3})");
        }
    }
}
