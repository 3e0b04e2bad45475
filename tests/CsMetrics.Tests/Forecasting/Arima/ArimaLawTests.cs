using CsMetrics.Forecasting;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Forecasting;

/// <summary>Laws of ARIMA fits, forecasts and differencing tests, on random series.</summary>
public class ArimaLawTests
{
    private static double[] RandomWalk(int seed, int n = 60)
    {
        var random = new Random(seed);
        var y = new double[n];
        double level = 100;
        for (int t = 0; t < n; t++)
        {
            level += random.NextDouble() - 0.45;
            y[t] = level + 2 * Math.Sin(2 * Math.PI * t / 4) + 0.5 * (random.NextDouble() - 0.5);
        }
        return y;
    }

    private static ArimaOrder IntegratedOrder(int seed)
    {
        uint s = (uint)seed;
        return new ArimaOrder((int)(s % 3), 1, (int)(s / 3 % 2), (int)(s / 6 % 2), (int)(s / 12 % 2), (int)(s / 24 % 2), 4);
    }

    [Property(MaxTest = 12)]
    public bool IntegratedModels_ForecastVarianceNeverFalls(int seed)
    {
        var fit = Arima.Fit(RandomWalk(seed), IntegratedOrder(seed));
        var variance = fit.Forecast(20, [0.8]).Variance;
        for (int h = 1; h < variance.Count; h++)
        {
            if (variance[h] < variance[h - 1] * (1 - 1e-12))
            {
                return false;
            }
        }
        return true;
    }

    [Property(MaxTest = 12)]
    public bool Intervals_NestByLevel(int seed)
    {
        var fit = Arima.Fit(RandomWalk(seed), IntegratedOrder(seed));
        var forecast = fit.Forecast(12, [0.5, 0.8, 0.95, 0.99]);
        for (int l = 1; l < forecast.Intervals.Count; l++)
        {
            var inner = forecast.Intervals[l - 1];
            var outer = forecast.Intervals[l];
            for (int h = 0; h < 12; h++)
            {
                if (!(outer.Lower[h] <= inner.Lower[h] && inner.Lower[h] <= forecast.Mean[h] && forecast.Mean[h] <= inner.Upper[h] && inner.Upper[h] <= outer.Upper[h]))
                {
                    return false;
                }
            }
        }
        return true;
    }

    [Property(MaxTest = 12)]
    public bool IntegratedModels_ShiftingTheSeriesShiftsTheForecast(int seed, short shift)
    {
        // Values on a 1/1024 grid, so that y + shift and its differences are exact: both fits see the same differenced series.
        var y = RandomWalk(seed).Select(v => Math.Round(v * 1024) / 1024).ToArray();
        var order = IntegratedOrder(seed);
        var shifted = y.Select(v => v + shift).ToArray();
        var a = Arima.Fit(y, order).Forecast(10, [0.9]);
        var b = Arima.Fit(shifted, order).Forecast(10, [0.9]);
        for (int h = 0; h < 10; h++)
        {
            if (Math.Abs(b.Mean[h] - a.Mean[h] - shift) > 1e-6 * (1 + Math.Abs(shift)) || Math.Abs(b.Variance[h] - a.Variance[h]) > 1e-6 * a.Variance[h])
            {
                return false;
            }
        }
        return true;
    }

    [Property(MaxTest = 10)]
    public bool Ar1Process_ForecastsConvergeToTheProcessMean(int seed)
    {
        // y_t - mu = phi (y_(t-1) - mu) + e_t with |phi| <= 0.8: the forecasts approach the fitted mean geometrically,
        // and the fitted mean is near the process mean.
        var random = new Random(seed);
        double phi = 1.6 * (random.NextDouble() - 0.5), mu = 50 + 10 * random.NextDouble();
        var y = new double[400];
        double z = 0;
        for (int t = 0; t < y.Length; t++)
        {
            double e = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            z = phi * z + e;
            y[t] = mu + z;
        }
        var fit = Arima.Fit(y, ArimaOrder.NonSeasonal(1, 0, 0));
        var forecast = fit.Forecast(300, [0.9]).Mean;
        double sd = 1 / Math.Sqrt((1 - phi) * (1 - phi) * y.Length);
        return Math.Abs(forecast[^1] - fit.Mean) < 1e-9 * mu && Math.Abs(fit.Mean - mu) < 6 * sd + 0.05
            && Math.Abs(forecast[1] - fit.Mean) <= Math.Abs(forecast[0] - fit.Mean) + 1e-12;
    }

    [Property(MaxTest = 20)]
    public bool DifferencingOrders_AreInvariantToScaling(int seed, byte factor)
    {
        var y = RandomWalk(seed, 48);
        double scale = (factor + 1) * 0.37;
        var scaled = y.Select(v => v * scale).ToArray();
        return Arima.UnitRootDifferences(y, 2) == Arima.UnitRootDifferences(scaled, 2)
            && Arima.SeasonalDifferences(y, 4, 1) == Arima.SeasonalDifferences(scaled, 4, 1)
            && Math.Abs(Arima.Kpss(y) - Arima.Kpss(scaled)) < 1e-9 * Arima.Kpss(y);
    }
}
