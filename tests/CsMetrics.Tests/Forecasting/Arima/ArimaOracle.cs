using System.Text.Json;
using CsMetrics.Forecasting;
using CsMetrics.Tests.Infrastructure;

namespace CsMetrics.Tests.Forecasting;

/// <summary>Reads the R references written by <c>Reference/forecasting/arima_r.R</c> (R 4.2.2, forecast 8.20).</summary>
internal static class ArimaOracle
{
    public static readonly string[] Series = ["AirPassengers", "USAccDeaths", "co2", "nottem", "Nile", "LakeHuron", "WWWusage", "lynx"];

    public static JsonElement Read(string series) => ReferenceData.ReadJson($"forecasting/r_arima_{series}.json").RootElement.Clone();

    public static double[] Values(string series) => EtsOracle.Series(series);

    public static ArimaOrder Order(JsonElement fit)
    {
        var o = fit.GetProperty("order").EnumerateArray().Select(e => (int)e.GetDouble()).ToArray();
        return new ArimaOrder(o[0], o[1], o[2], o[3], o[4], o[5], o[6]);
    }

    public static IEnumerable<(string Series, int Index)> Fits() =>
        Series.SelectMany(s => Enumerable.Range(0, Read(s).GetProperty("fits").GetArrayLength()).Select(i => (s, i)));
}
