using System.Globalization;
using CsMetrics.Internal;

namespace CsMetrics.Forecasting;

/// <summary>A model family <see cref="ForecastModels"/> can fit and choose.</summary>
public enum ForecastFamily
{
    /// <summary>The equal-weight mean of ETS, ARIMA and Theta (<see cref="CombinationFit"/>).</summary>
    Combination,

    /// <summary>Exponential smoothing, the model with the smallest AICc (<see cref="Ets.FitAuto(ReadOnlySpan{double}, int, EtsOptions?)"/>).</summary>
    Ets,

    /// <summary>ARIMA with automatic order selection (Hyndman &amp; Khandakar 2008).</summary>
    Arima,

    /// <summary>The Theta method (<see cref="Theta.Fit"/>).</summary>
    Theta,
}

/// <summary>Options for <see cref="ForecastModels.FitAuto"/> and <see cref="ForecastModels.Fit"/>. Immutable and thread-safe.</summary>
public sealed record ForecastModelOptions
{
    /// <summary>The defaults: all four families, the back-test horizon from the season length, 4 origins, calibrated intervals.</summary>
    public static ForecastModelOptions Default { get; } = new();

    /// <summary>The families to compare, in order of preference when their back-test scores tie (default Combination, ETS, ARIMA, Theta).</summary>
    public IReadOnlyList<ForecastFamily> Candidates { get; init; } = [ForecastFamily.Combination, ForecastFamily.Ets, ForecastFamily.Arima, ForecastFamily.Theta];

    /// <summary>
    /// Steps scored per back-test origin, at least 1; null (default) means two seasons (<c>2m</c>) for seasonal
    /// data and 6 otherwise, as the held-out evaluations in the literature. Pass the horizon you will forecast.
    /// Shortened when the series is too short to hold it out.
    /// </summary>
    public int? Horizon { get; init; }

    /// <summary>The most rolling origins (training-data cut-offs) to back-test, 1 to 100 (default 4).</summary>
    public int Origins { get; init; } = 4;

    /// <summary>Whether to recalibrate the chosen model's intervals from its rolling-origin errors (default true; see <see cref="IntervalCalibration"/>).</summary>
    public bool CalibrateIntervals { get; init; } = true;

    /// <summary>Options for the ETS fits (null = <see cref="EtsOptions.Default"/>).</summary>
    public EtsOptions? Ets { get; init; }

    /// <summary>Options for the ARIMA fits (null = <see cref="ArimaOptions.Default"/>).</summary>
    public ArimaOptions? Arima { get; init; }

    /// <summary>Options for the Theta fits (null = <see cref="ThetaOptions.Default"/>).</summary>
    public ThetaOptions? Theta { get; init; }

    /// <summary>Checks every option; throws for the first one out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named by <see cref="ArgumentException.ParamName"/>).</exception>
    /// <exception cref="ArgumentException">No candidates, an unknown or repeated family.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Candidates, nameof(Candidates));
        if (Candidates.Count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(Candidates), "Candidates is empty: give at least one family.");
        }
        for (int i = 0; i < Candidates.Count; i++)
        {
            if (!Enum.IsDefined(Candidates[i]))
            {
                ThrowHelper.ThrowElementOutOfRange(nameof(Candidates), i, Candidates[i], "is a ForecastFamily");
            }
            for (int j = 0; j < i; j++)
            {
                if (Candidates[j] == Candidates[i])
                {
                    ThrowHelper.ThrowElementOutOfRange(nameof(Candidates), i, Candidates[i], "must not repeat an earlier family");
                }
            }
        }
        if (Horizon is int horizon)
        {
            Preconditions.CheckRange(horizon, 1, Forecast.MaxHorizon, nameof(Horizon));
        }
        Preconditions.CheckRange(Origins, 1, 100, nameof(Origins));
        Theta?.Validate();
        Arima?.Validate();
    }
}

/// <summary>One family's rolling-origin back-test on the training data.</summary>
public sealed record FamilyScore
{
    /// <summary>The family.</summary>
    public ForecastFamily Family { get; internal init; }

    /// <summary>The mean over origins of the MASE (each origin scaled by its own history's seasonal naive MAE); NaN when it failed or no origin could be scaled.</summary>
    public double MeanAbsoluteScaledError { get; internal init; }

    /// <summary>The share of held-out points inside the model's own (uncalibrated) 95% intervals.</summary>
    public double Coverage95 { get; internal init; }

    /// <summary>The origins scored.</summary>
    public int Origins { get; internal init; }

    /// <summary>Why the family could not be back-tested (e.g. too short for it), or null.</summary>
    public string? Error { get; internal init; }

    /// <summary>One line: family, MASE and coverage, or the error.</summary>
    public override string ToString() => Error is not null ? $"{Family}: {Error}"
        : string.Create(CultureInfo.InvariantCulture, $"{Family}: MASE {MeanAbsoluteScaledError:F3}, 95% coverage {Coverage95:P1} over {Origins} origins");
}

/// <summary>The result of <see cref="ForecastModels.FitAuto"/>: the chosen model (fitted to the whole series) and the back-test behind the choice.</summary>
public sealed record ForecastModelSelection
{
    /// <summary>The chosen model, fitted to the whole series; its intervals are calibrated when <see cref="Calibration"/> is not null.</summary>
    public required IForecastModel Model { get; init; }

    /// <summary>The chosen family.</summary>
    public required ForecastFamily Family { get; init; }

    /// <summary>Each candidate's back-test, in the order of <see cref="ForecastModelOptions.Candidates"/> (empty when the series was too short to back-test).</summary>
    public required IReadOnlyList<FamilyScore> Scores { get; init; }

    /// <summary>The back-test horizon used (0 when there was no back-test).</summary>
    public required int BacktestHorizon { get; init; }

    /// <summary>The interval calibration applied to <see cref="Model"/>, or null.</summary>
    public IntervalCalibration? Calibration { get; init; }

    /// <summary>The chosen model and the scores.</summary>
    public override string ToString() => $"{Model.Name} ({Family}); {string.Join("; ", Scores)}";
}

/// <summary>
/// Automatic choice of a forecasting family by time-series cross-validation on the training data (Tashman 2000;
/// Hyndman &amp; Athanasopoulos, "Forecasting: principles and practice", 3rd ed., sec. 5.10), with prediction
/// intervals recalibrated from the same rolling-origin errors.
/// </summary>
public static class ForecastModels
{
    /// <summary>Fits one family to the whole series, with the model's own intervals (no back-test).</summary>
    /// <param name="values">The series, oldest first (NaN = missing).</param>
    /// <param name="seasonLength">Observations per season, at least 1.</param>
    /// <param name="family">The family; <see cref="ForecastFamily.Combination"/> fits ETS, ARIMA and Theta and averages them (members that cannot be fitted are left out).</param>
    /// <param name="options">Per-family options (null = defaults).</param>
    /// <param name="cancellationToken">Cancels between fits.</param>
    /// <exception cref="ArgumentException">The series cannot be fitted by the family (too short, an infinite value; the message says why).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> &lt; 1 or an option out of range.</exception>
    public static IForecastModel Fit(ReadOnlySpan<double> values, int seasonLength, ForecastFamily family, ForecastModelOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckRange(seasonLength, 1, int.MaxValue);
        options ??= ForecastModelOptions.Default;
        options.Validate();
        if (!Enum.IsDefined(family))
        {
            ThrowHelper.ThrowOutOfRange(nameof(family), family, "is a ForecastFamily");
        }
        return FitFamily(values.ToArray(), seasonLength, family, options, parallel: true, cancellationToken);
    }

    /// <summary>
    /// Back-tests each candidate family on rolling origins of the training data, chooses the one with the smallest
    /// mean MASE, fits it to the whole series and recalibrates its intervals from its back-test errors.
    /// </summary>
    /// <param name="values">The series, oldest first (NaN = missing).</param>
    /// <param name="seasonLength">Observations per season, at least 1.</param>
    /// <param name="options">Candidates, back-test horizon and origins, calibration, per-family options (null = <see cref="ForecastModelOptions.Default"/>).</param>
    /// <param name="cancellationToken">Cancels between fits.</param>
    /// <returns>The chosen, fitted (and calibrated) model with every candidate's back-test.</returns>
    /// <exception cref="ArgumentException">No candidate can fit the whole series (the message gives each family's reason).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> &lt; 1 or an option out of range.</exception>
    /// <remarks>
    /// <para>Origins: with back-test horizon H (<see cref="ForecastModelOptions.Horizon"/>) and a minimum training length
    /// <c>max(2m, 12)</c>, the last origin is <c>n - H</c> and earlier ones step back by <c>max(1, H / 2)</c>, at most
    /// <see cref="ForecastModelOptions.Origins"/> of them. Each family is fitted afresh on each origin's history (ETS by
    /// AICc, ARIMA by its stepwise search, Theta), so the score reflects the whole automatic procedure. The combination
    /// at an origin averages the members fitted there. Score: the mean over origins of the MASE of the H forecasts.
    /// A family that fails at any origin is not chosen. Ties go to the earlier candidate. When the series is too
    /// short for any origin, the first candidate that fits is returned with its own intervals.</para>
    /// <para>Calibration: see <see cref="IntervalCalibration"/>.</para>
    /// </remarks>
    public static ForecastModelSelection FitAuto(ReadOnlySpan<double> values, int seasonLength, ForecastModelOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Select(values.ToArray(), seasonLength, options, parallel: true, cancellationToken);

    /// <summary>
    /// <see cref="FitAuto(ReadOnlySpan{double}, int, ForecastModelOptions?, CancellationToken)"/> for many series in
    /// parallel; a series that cannot be fitted gets its error message instead of a selection.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="seasonLengths">Each series' season length (same count as <paramref name="series"/>), each at least 1.</param>
    /// <param name="options">As for one series.</param>
    /// <param name="maxDegreeOfParallelism">Threads; -1 (default) uses every core.</param>
    /// <param name="cancellationToken">Cancels between fits.</param>
    /// <returns>One (selection, error) per series, in input order; exactly one of the two is null.</returns>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public static (ForecastModelSelection? Selection, string? Error)[] FitAutoMany(IReadOnlyList<double[]> series, IReadOnlyList<int> seasonLengths,
        ForecastModelOptions? options = null, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default) =>
        Batch(series, seasonLengths, options, maxDegreeOfParallelism, cancellationToken,
            (values, m, o) => Select(values, m, o, parallel: false, cancellationToken));

    /// <summary>
    /// <see cref="Fit"/> for many series in parallel (each fit on one thread); a series that cannot be fitted gets its
    /// error message instead of a model.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="seasonLengths">Each series' season length (same count), each at least 1.</param>
    /// <param name="family">The family to fit.</param>
    /// <param name="options">Per-family options (null = defaults).</param>
    /// <param name="maxDegreeOfParallelism">Threads; -1 (default) uses every core.</param>
    /// <param name="cancellationToken">Cancels between fits.</param>
    /// <returns>One (model, error) per series, in input order; exactly one of the two is null.</returns>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public static (IForecastModel? Model, string? Error)[] FitMany(IReadOnlyList<double[]> series, IReadOnlyList<int> seasonLengths, ForecastFamily family,
        ForecastModelOptions? options = null, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default) =>
        Batch(series, seasonLengths, options, maxDegreeOfParallelism, cancellationToken,
            (values, m, o) => FitFamily(values, m, family, o, parallel: false, cancellationToken));

    /// <summary>Runs <paramref name="fit"/> on each series in parallel; an <see cref="ArgumentException"/> becomes that series' error.</summary>
    private static (T? Result, string? Error)[] Batch<T>(IReadOnlyList<double[]> series, IReadOnlyList<int> seasonLengths, ForecastModelOptions? options,
        int maxDegreeOfParallelism, CancellationToken cancellationToken, Func<double[], int, ForecastModelOptions, T> fit)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(seasonLengths);
        if (seasonLengths.Count != series.Count)
        {
            ThrowHelper.ThrowArgument(nameof(seasonLengths), $"seasonLengths has {seasonLengths.Count} entries; series has {series.Count}.");
        }
        options ??= ForecastModelOptions.Default;
        options.Validate();
        var results = new (T?, string?)[series.Count];
        Parallel.For(0, series.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
        {
            try
            {
                Preconditions.CheckRange(seasonLengths[i], 1, int.MaxValue, nameof(seasonLengths));
                results[i] = (fit(series[i], seasonLengths[i], options), null);
            }
            catch (ArgumentException ex)
            {
                results[i] = (null, ex.Message);
            }
        });
        return results;
    }

    private static ForecastModelSelection Select(double[] values, int seasonLength, ForecastModelOptions? options, bool parallel, CancellationToken cancellationToken)
    {
        Preconditions.CheckRange(seasonLength, 1, int.MaxValue);
        options ??= ForecastModelOptions.Default;
        options.Validate();
        SeriesScale.Check(values);
        int n = values.Length;
        int m = seasonLength;
        int wanted = options.Horizon ?? (m >= 2 ? 2 * m : 6);
        int minimumTraining = Math.Max(2 * m, 12);
        int horizon = Math.Min(wanted, n - minimumTraining);
        var candidates = options.Candidates;
        if (horizon < 1)
        {
            return FirstThatFits(values, m, candidates, options, parallel, cancellationToken);
        }
        int step = Math.Max(1, horizon / 2);
        var origins = new List<int>();
        for (int origin = n - horizon; origin >= minimumTraining && origins.Count < options.Origins; origin -= step)
        {
            origins.Insert(0, origin);
        }
        var bases = new List<ForecastFamily>();
        foreach (var family in candidates)
        {
            if (family == ForecastFamily.Combination)
            {
                bases.AddRange([ForecastFamily.Ets, ForecastFamily.Arima, ForecastFamily.Theta]);
            }
            else
            {
                bases.Add(family);
            }
        }
        bases = bases.Distinct().ToList();
        var tallies = candidates.ToDictionary(f => f, f => new Tally());
        double[] level95 = [0.95];
        foreach (int origin in origins)
        {
            var history = values[..origin];
            double scale = ForecastAccuracy.NaiveScale(history, m);
            var actual = values.AsSpan(origin, horizon);
            var fits = new Dictionary<ForecastFamily, IForecastModel>();
            foreach (var family in bases)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    fits[family] = FitFamily(history, m, family, options, parallel, cancellationToken);
                }
                catch (ArgumentException ex)
                {
                    if (tallies.TryGetValue(family, out var failed))
                    {
                        failed.Error ??= string.Create(CultureInfo.InvariantCulture, $"at origin {origin}: {ex.Message}");
                    }
                }
            }
            foreach (var family in candidates)
            {
                var tally = tallies[family];
                IForecastModel? model = family == ForecastFamily.Combination
                    ? Members(fits) is { Count: > 0 } members ? new CombinationFit(members) : null
                    : fits.GetValueOrDefault(family);
                if (model is null)
                {
                    tally.Error ??= $"at origin {origin}: no member could be fitted";
                    continue;
                }
                tally.Add(model.Forecast(horizon, level95, cancellationToken), actual, scale);
            }
        }
        var scores = candidates.Select(f => tallies[f].Score(f)).ToArray();
        var order = candidates.ToList();
        var ranked = scores.Where(s => s.Error is null).OrderBy(s => double.IsNaN(s.MeanAbsoluteScaledError) ? double.PositiveInfinity : s.MeanAbsoluteScaledError)
            .ThenBy(s => order.IndexOf(s.Family)).ToList();
        var reasons = new List<string>();
        foreach (var score in ranked)
        {
            try
            {
                var model = FitFamily(values, m, score.Family, options, parallel, cancellationToken);
                var tally = tallies[score.Family];
                IntervalCalibration? calibration = options.CalibrateIntervals && tally.Standardized.Count > 0 ? new IntervalCalibration(tally.Standardized) : null;
                return new ForecastModelSelection
                {
                    Model = calibration is null ? model : new CalibratedModel(model, calibration),
                    Family = score.Family,
                    Scores = scores,
                    BacktestHorizon = horizon,
                    Calibration = calibration,
                };
            }
            catch (ArgumentException ex)
            {
                reasons.Add($"{score.Family}: {ex.Message}");
            }
        }
        // Every back-tested family failed somewhere: fall back to whatever fits the whole series.
        return FirstThatFits(values, m, candidates, options, parallel, cancellationToken) with { Scores = scores, BacktestHorizon = horizon };
    }

    private static ForecastModelSelection FirstThatFits(double[] values, int m, IReadOnlyList<ForecastFamily> candidates, ForecastModelOptions options,
        bool parallel, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        foreach (var family in candidates)
        {
            try
            {
                var model = FitFamily(values, m, family, options, parallel, cancellationToken);
                return new ForecastModelSelection { Model = model, Family = family, Scores = [], BacktestHorizon = 0 };
            }
            catch (ArgumentException ex)
            {
                reasons.Add($"{family}: {ex.Message}");
            }
        }
        ThrowHelper.ThrowArgument(nameof(values), $"no family can fit the series ({string.Join("; ", reasons)}).");
        return null!;
    }

    private static List<IForecastModel> Members(Dictionary<ForecastFamily, IForecastModel> fits) =>
        new[] { ForecastFamily.Ets, ForecastFamily.Arima, ForecastFamily.Theta }.Where(fits.ContainsKey).Select(f => fits[f]).ToList();

    internal static IForecastModel FitFamily(double[] values, int m, ForecastFamily family, ForecastModelOptions options, bool parallel,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SeriesScale.Check(values);
        switch (family)
        {
            case ForecastFamily.Ets:
                return parallel ? Ets.FitAuto(values, m, options.Ets) : Ets.FitAutoSequential(values, m, options.Ets);
            case ForecastFamily.Theta:
                return Theta.Fit(values, m, options.Theta, cancellationToken);
            case ForecastFamily.Arima:
                return CsMetrics.Forecasting.Arima.FitAuto(values, m, options.Arima, cancellationToken);
            default:
                var members = new List<IForecastModel>(3);
                var reasons = new List<string>();
                foreach (var member in new[] { ForecastFamily.Ets, ForecastFamily.Arima, ForecastFamily.Theta })
                {
                    try
                    {
                        members.Add(FitFamily(values, m, member, options, parallel, cancellationToken));
                    }
                    catch (ArgumentException ex)
                    {
                        reasons.Add($"{member}: {ex.Message}");
                    }
                }
                if (members.Count == 0)
                {
                    ThrowHelper.ThrowArgument(nameof(values), $"no member of the combination can fit the series ({string.Join("; ", reasons)}).");
                }
                return new CombinationFit(members);
        }
    }

    /// <summary>A family's running back-test: MASE per origin, 95% hits and the standardised errors for calibration.</summary>
    private sealed class Tally
    {
        private static readonly double s_z95 = StandardNormal.Quantile(0.975);
        private double _maseSum;
        private int _maseCount, _inside, _scored, _origins;

        public string? Error { get; set; }

        public List<double> Standardized { get; } = [];

        public void Add(Forecast forecast, ReadOnlySpan<double> actual, double scale)
        {
            _origins++;
            var interval = forecast.IntervalAt(0.95);
            double absoluteSum = 0;
            int count = 0;
            for (int h = 0; h < actual.Length; h++)
            {
                double y = actual[h], mean = forecast.Mean[h];
                if (double.IsNaN(y) || double.IsNaN(mean))
                {
                    continue;
                }
                double error = y - mean;
                absoluteSum += Math.Abs(error);
                count++;
                _scored++;
                if (y >= interval.Lower[h] && y <= interval.Upper[h])
                {
                    _inside++;
                }
                double half = error >= 0 ? interval.Upper[h] - mean : mean - interval.Lower[h];
                if (half > 0 && double.IsFinite(half))
                {
                    Standardized.Add(Math.Abs(error) / (half / s_z95));
                }
                else if (error == 0)
                {
                    Standardized.Add(0);
                }
            }
            if (count > 0 && scale > 0)
            {
                _maseSum += absoluteSum / count / scale;
                _maseCount++;
            }
        }

        public FamilyScore Score(ForecastFamily family) => new()
        {
            Family = family,
            MeanAbsoluteScaledError = Error is null && _maseCount > 0 ? _maseSum / _maseCount : double.NaN,
            Coverage95 = _scored > 0 ? (double)_inside / _scored : double.NaN,
            Origins = _origins,
            Error = Error,
        };
    }
}
