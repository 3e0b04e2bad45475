using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>
/// The workforce-management standard for forecasts beyond a few days: forecast daily totals with
/// any daily model, then split each day by a smoothed intraday profile of its weekday. Taylor (2008,
/// "An evaluation of methods for very short-term load forecasting using minute-by-minute British
/// data", IJF 24) found such simple profiles hard to beat beyond two or three days ahead.
/// </summary>
/// <remarks>
/// Profile of weekday w at interval i: the mean over the last <c>profileWeeks</c> days of weekday w
/// (with an observed, positive total) of <c>y(d, i) / total(d)</c>; optionally smoothed with the
/// weights (1, 2, 1)/4 over neighbouring intervals of the same day (closed intervals, whose share is 0
/// on every such day, stay 0), then rescaled to sum 1. Forecast at interval i of future day D:
/// <c>mean = p(w, i) Dmean</c>, <c>variance = p(w, i)^2 Dvariance</c>, bounds <c>p(w, i) Dbounds</c>
/// (exact for quantiles when the profile is taken as known; profile uncertainty is not included).
/// A weekday with no usable day gets a flat profile; one whose totals are all 0 gets zeros (closed).
/// </remarks>
public static class DailyProfileForecaster
{
    /// <summary>Forecasts <paramref name="horizon"/> intervals by daily totals times weekday profiles.</summary>
    /// <param name="history">Intraday history in whole days, starting at the first interval of weekday 0; NaN = missing.</param>
    /// <param name="intervalsPerDay">Intervals per day (e.g. 48), at least 1.</param>
    /// <param name="horizon">Intervals ahead, at least 1.</param>
    /// <param name="levels">Interval levels (fractions in (0, 1)) for the default daily forecaster (a supplied forecaster brings its own).</param>
    /// <param name="dailyForecaster">
    /// Forecasts daily totals: (daily history, days ahead) to a <see cref="Forecast"/> of at least that many
    /// days; null = <see cref="SeasonalNaiveDaily"/> with a weekly season. Plug ETS (m = 7) in here.
    /// </param>
    /// <param name="daysPerWeek">Days per weekly cycle (7).</param>
    /// <param name="profileWeeks">Recent weeks averaged per weekday profile, at least 1.</param>
    /// <param name="smooth">Whether to smooth the profiles over neighbouring intervals.</param>
    /// <returns>The intraday forecast, the daily-totals forecast and the profiles.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="ArgumentException">The history is not whole days or is shorter than one week; the daily forecast is too short.</exception>
    public static DailyProfileForecast Forecast(
        ReadOnlySpan<double> history,
        int intervalsPerDay,
        int horizon,
        IEnumerable<double>? levels = null,
        Func<double[], int, Forecast>? dailyForecaster = null,
        int daysPerWeek = 7,
        int profileWeeks = 6,
        bool smooth = true)
    {
        Preconditions.CheckRange(intervalsPerDay, 1, 1_000_000);
        Forecasting.Forecast.CheckHorizon(horizon);
        Preconditions.CheckRange(daysPerWeek, 1, 1_000);
        Preconditions.CheckRange(profileWeeks, 1, 10_000);
        if (history.Length % intervalsPerDay != 0)
        {
            ThrowHelper.ThrowArgument(nameof(history), $"The history has {history.Length} values, not whole days of {intervalsPerDay} intervals.");
        }
        int days = history.Length / intervalsPerDay;
        if (days < daysPerWeek)
        {
            ThrowHelper.ThrowArgument(nameof(history), $"The history has {days} days; the profile method needs at least one week ({daysPerWeek} days).");
        }
        var totals = DailyTotals(history, intervalsPerDay);
        var profiles = new double[daysPerWeek][];
        for (int weekday = 0; weekday < daysPerWeek; weekday++)
        {
            profiles[weekday] = Profile(history, totals, intervalsPerDay, weekday, daysPerWeek, profileWeeks, smooth);
        }

        int horizonDays = (horizon + intervalsPerDay - 1) / intervalsPerDay;
        var forecaster = dailyForecaster ?? SeasonalNaiveDaily(daysPerWeek, levels);
        var daily = forecaster(totals, horizonDays);
        if (daily.Horizon < horizonDays)
        {
            ThrowHelper.ThrowArgument(nameof(dailyForecaster), $"The daily forecaster returned {daily.Horizon} days; {horizonDays} were asked.");
        }
        var mean = new double[horizon];
        var variance = new double[horizon];
        var lowers = daily.Intervals.Select(_ => new double[horizon]).ToArray();
        var uppers = daily.Intervals.Select(_ => new double[horizon]).ToArray();
        for (int h = 0; h < horizon; h++)
        {
            int day = h / intervalsPerDay;
            double share = profiles[(days + day) % daysPerWeek][h % intervalsPerDay];
            mean[h] = share * daily.Mean[day];
            variance[h] = share * share * daily.Variance[day];
            for (int l = 0; l < lowers.Length; l++)
            {
                lowers[l][h] = share * daily.Intervals[l].Lower[day];
                uppers[l][h] = share * daily.Intervals[l].Upper[day];
            }
        }
        var intervals = daily.Intervals.Select((interval, l) => PredictionInterval.Own(interval.Level, lowers[l], uppers[l]));
        var forecast = new Forecast(mean, variance, intervals, $"daily totals ({daily.IntervalMethod}) x weekday profile");
        return new DailyProfileForecast(forecast, daily, profiles);
    }

    /// <summary>
    /// The default daily forecaster: <see cref="SeasonalNaive"/> with a weekly season (same weekday
    /// last week), with its normal intervals at <paramref name="levels"/>.
    /// </summary>
    /// <param name="daysPerWeek">The weekly season in days (7).</param>
    /// <param name="levels">Interval levels, fractions in (0, 1) (0.95 for 95%); default 0.8 and 0.95.</param>
    /// <returns>A forecaster usable as <c>dailyForecaster</c> or in <see cref="RollingOriginBacktest"/>.</returns>
    public static Func<double[], int, Forecast> SeasonalNaiveDaily(int daysPerWeek = 7, IEnumerable<double>? levels = null)
    {
        var levelList = IntervalLevels.Validate(levels);
        return (dailyHistory, horizonDays) => SeasonalNaive.Forecast(dailyHistory, daysPerWeek, horizonDays, levelList);
    }

    /// <summary>
    /// The ETS daily forecaster: the model with the smallest AICc for the daily totals with a weekly season
    /// (<see cref="Ets.FitAuto"/>, as R's <c>ets(y)</c>), with its intervals at <paramref name="levels"/>.
    /// This is the workforce-management standard beyond a few days ahead (Taylor 2008).
    /// </summary>
    /// <param name="daysPerWeek">The weekly season in days (7).</param>
    /// <param name="levels">Interval levels, fractions in (0, 1) (0.95 for 95%); default 0.8 and 0.95.</param>
    /// <returns>A forecaster usable as <c>dailyForecaster</c> or in <see cref="RollingOriginBacktest"/>.</returns>
    public static Func<double[], int, Forecast> EtsDaily(int daysPerWeek = 7, IEnumerable<double>? levels = null)
    {
        var levelList = IntervalLevels.Validate(levels);
        return (dailyHistory, horizonDays) => Ets.FitAuto(dailyHistory, daysPerWeek).Forecast(horizonDays, levelList);
    }

    /// <summary>The total per day (NaN when any interval of the day is missing); a trailing partial day is ignored.</summary>
    /// <param name="history">Intraday history starting at the first interval of a day.</param>
    /// <param name="intervalsPerDay">Intervals per day, at least 1.</param>
    /// <returns>One total per whole day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="intervalsPerDay"/> is below 1.</exception>
    public static double[] DailyTotals(ReadOnlySpan<double> history, int intervalsPerDay)
    {
        Preconditions.CheckRange(intervalsPerDay, 1, 1_000_000);
        var totals = new double[history.Length / intervalsPerDay];
        for (int d = 0; d < totals.Length; d++)
        {
            double sum = 0;
            foreach (double y in history.Slice(d * intervalsPerDay, intervalsPerDay))
            {
                sum += y;
            }
            totals[d] = sum;
        }
        return totals;
    }

    private static double[] Profile(ReadOnlySpan<double> history, double[] totals, int intervalsPerDay, int weekday, int daysPerWeek, int profileWeeks, bool smooth)
    {
        var raw = new double[intervalsPerDay];
        int used = 0;
        bool sawZeroTotal = false;
        int lastDay = totals.Length - 1 - ((totals.Length - 1 - weekday) % daysPerWeek + daysPerWeek) % daysPerWeek;
        for (int d = lastDay; d >= 0 && used < profileWeeks; d -= daysPerWeek)
        {
            double total = totals[d];
            if (total == 0)
            {
                sawZeroTotal = true;
            }
            if (!(total > 0) || !double.IsFinite(total))
            {
                continue;
            }
            var day = history.Slice(d * intervalsPerDay, intervalsPerDay);
            for (int i = 0; i < intervalsPerDay; i++)
            {
                raw[i] += day[i] / total;
            }
            used++;
        }
        if (used == 0)
        {
            return sawZeroTotal ? raw : Enumerable.Repeat(1.0 / intervalsPerDay, intervalsPerDay).ToArray();
        }
        if (!smooth || intervalsPerDay < 3)
        {
            return Normalised(raw);
        }
        var smoothed = new double[intervalsPerDay];
        for (int i = 0; i < intervalsPerDay; i++)
        {
            if (raw[i] == 0)
            {
                continue;
            }
            // Neighbours outside the day or closed count as the interval itself, so edges and opening hours are not dragged down.
            double left = i > 0 && raw[i - 1] != 0 ? raw[i - 1] : raw[i];
            double right = i < intervalsPerDay - 1 && raw[i + 1] != 0 ? raw[i + 1] : raw[i];
            smoothed[i] = (left + 2 * raw[i] + right) / 4;
        }
        return Normalised(smoothed);
    }

    private static double[] Normalised(double[] shares)
    {
        double sum = shares.Sum();
        if (sum > 0)
        {
            for (int i = 0; i < shares.Length; i++)
            {
                shares[i] /= sum;
            }
        }
        return shares;
    }
}

/// <summary>The result of <see cref="DailyProfileForecaster.Forecast"/>.</summary>
/// <param name="Forecast">The intraday forecast (mean, variance, intervals per interval).</param>
/// <param name="DailyTotals">The daily-totals forecast it was split from.</param>
/// <param name="Profiles">The intraday profile per weekday (each sums to 1, or is all 0 for a closed day).</param>
public sealed record DailyProfileForecast(Forecast Forecast, Forecast DailyTotals, IReadOnlyList<IReadOnlyList<double>> Profiles)
{
    /// <summary>The intraday profile per weekday (copied; compared by value).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Profiles { get; init => field = CopyProfiles(value); } = CopyProfiles(Profiles);

    private static ReadOnlyValueList<IReadOnlyList<double>> CopyProfiles(IReadOnlyList<IReadOnlyList<double>> profiles) =>
        ReadOnlyValueList<IReadOnlyList<double>>.Own(profiles.Select(p => (IReadOnlyList<double>)ReadOnlyValueList<double>.CopyOf(p)).ToArray());

    /// <summary>The daily totals and the intraday table.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Daily totals:\n{DailyTotals}Intraday:\n{Forecast}");
}
