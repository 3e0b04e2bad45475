using CsMetrics.Forecasting;
using CsMetrics.Internal;
using CsMetrics.Queueing;
using CsMetrics.Scheduling;

namespace CsMetrics.Planning;

/// <summary>How the plan forecasts contact volumes.</summary>
public enum ForecastMethod
{
    /// <summary>Taylor's double-seasonal Holt-Winters (daily × weekly cycle), closed hours masked.</summary>
    DoubleSeasonal,

    /// <summary>ETS (automatic selection, m = 7) on daily totals, split by smoothed weekday profiles: the WFM standard beyond a few days.</summary>
    DailyProfile,

    /// <summary>The historical average per weekday and interval over the whole history.</summary>
    HistoricalAverage,

    /// <summary>The same interval of the last week of the history.</summary>
    SeasonalNaive,

    /// <summary>
    /// Whichever of the methods above scores the lowest MASE when the last week of the history is held out: the
    /// default. With under three weeks of history (too short to fit two weeks and score one) the plan uses
    /// <see cref="DoubleSeasonal"/> and its method line says so.
    /// </summary>
    Best,
}

/// <summary>
/// The assumptions of a workforce plan: how contacts are handled, the service targets, shrinkage, the
/// shift templates and the scheduler's costs. Immutable; <see cref="Validate"/> checks every field and
/// names the one at fault.
/// </summary>
public sealed record PlanOptions
{
    /// <summary>Days to plan after the history ends (default 7, a week); 1 to 28.</summary>
    public int HorizonDays { get; init; } = 7;

    /// <summary>How volumes are forecast (default <see cref="ForecastMethod.Best"/>: the winner of the plan's own back-test).</summary>
    public ForecastMethod ForecastMethod { get; init; } = ForecastMethod.Best;

    /// <summary>Average handle time (talk, hold and wrap-up); default 5 minutes.</summary>
    public TimeSpan AverageHandleTime { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Service-level target: the share of contacts answered within <see cref="AnswerWithin"/> (default 0.8), a fraction in [0, 1].</summary>
    public double ServiceLevelTarget { get; init; } = 0.8;

    /// <summary>The service-level threshold (default 20 s).</summary>
    public TimeSpan AnswerWithin { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The highest acceptable occupancy, a fraction in (0, 1], or null for no cap (default 0.9).</summary>
    public double? MaxOccupancy { get; init; } = 0.9;

    /// <summary>The share of paid time agents are not available to handle contacts (breaks excluded: the schedule places those), in [0, 1) (default 0.3).</summary>
    public double Shrinkage { get; init; } = 0.3;

    /// <summary>Average caller patience: when set, staffing and the delivered service use Erlang A (abandonment); null for Erlang C.</summary>
    public TimeSpan? Patience { get; init; }

    /// <summary>The shift templates the schedule may use; by default <see cref="DefaultTemplates"/>.</summary>
    public IReadOnlyList<ShiftTemplate> Templates { get; init; } = DefaultTemplates;

    /// <summary>
    /// Cost per agent-interval below the scheduled-headcount requirement (default 2: four times what a
    /// half-hour of the default full-time shift costs, so the scheduler covers the requirement unless a
    /// whole extra shift is needed for an isolated short interval).
    /// </summary>
    public double UnderstaffCost { get; init; } = 2;

    /// <summary>Cost per agent-interval above the requirement (default 0.05: a tie-breaker that prefers tighter schedules).</summary>
    public double OverstaffCost { get; init; } = 0.05;

    /// <summary>The scheduler's time limit (default 10 s; it usually stops far earlier at its target gap).</summary>
    public TimeSpan ScheduleTimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Seed for the forecast's simulated intervals and the scheduler's search (default 1): a plan is reproducible.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Prediction-interval levels, fractions in (0, 1) as everywhere in the library (default 0.8 and 0.95;
    /// a percent such as 95 is rejected by <see cref="Validate"/>). Copied; compared by value.
    /// </summary>
    public IReadOnlyList<double> Levels { get; init => field = ReadOnlyValueList<double>.CopyOf(value ?? []); } = ReadOnlyValueList<double>.CopyOf([0.8, 0.95]);

    /// <summary>
    /// Templates for a centre open within 06:00-22:00: full-time 8 h with a 30-minute break 3 to 5 h
    /// in (cost 8), part-time 6 h with a 30-minute break 2.5 to 4 h in (cost 6.3), and part-time 4 h
    /// without a break (cost 4.4); starts every 30 minutes. Part-time hours cost a little more, as they
    /// usually do, so the scheduler uses them where they fit the curve.
    /// </summary>
    public static IReadOnlyList<ShiftTemplate> DefaultTemplates { get; } =
    [
        new ShiftTemplate("FT8", 480, 360, 840, 30, 8, breaks: [new BreakRule(30, 180, 300)]),
        new ShiftTemplate("PT6", 360, 360, 960, 30, 6.3, breaks: [new BreakRule(30, 150, 240)]),
        new ShiftTemplate("PT4", 240, 360, 1080, 30, 4.4),
    ];

    /// <summary>The staffing targets these options imply.</summary>
    public StaffingTargets Targets => new()
    {
        ServiceLevel = ServiceLevelTarget,
        AnswerWithin = AnswerWithin,
        MaxOccupancy = MaxOccupancy,
    };

    /// <summary>The scheduler's options these options imply: the time limit and the seed.</summary>
    public ScheduleSolverOptions SolverOptions => new() { TimeLimit = ScheduleTimeLimit, Seed = Seed };

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and its value.</exception>
    /// <exception cref="ArgumentException">There are no templates, or no levels.</exception>
    public void Validate()
    {
        Preconditions.CheckRange(HorizonDays, 1, 28, nameof(HorizonDays));
        if (!Enum.IsDefined(ForecastMethod))
        {
            ThrowHelper.ThrowOutOfRange(nameof(ForecastMethod), ForecastMethod, "must be a defined method");
        }
        if (AverageHandleTime <= TimeSpan.Zero)
        {
            ThrowHelper.ThrowOutOfRange(nameof(AverageHandleTime), AverageHandleTime, "must be > 0");
        }
        Preconditions.CheckFraction(ServiceLevelTarget, nameof(ServiceLevelTarget));
        if (AnswerWithin < TimeSpan.Zero)
        {
            ThrowHelper.ThrowOutOfRange(nameof(AnswerWithin), AnswerWithin, "must be >= 0");
        }
        if (MaxOccupancy is double occupancy && !(occupancy > 0 && occupancy <= 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(MaxOccupancy), occupancy, "must be in (0, 1]");
        }
        if (!(Shrinkage >= 0 && Shrinkage < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(Shrinkage), Shrinkage, "must be in [0, 1)");
        }
        if (Patience is TimeSpan patience && patience <= TimeSpan.Zero)
        {
            ThrowHelper.ThrowOutOfRange(nameof(Patience), patience, "must be > 0, or null for no abandonment");
        }
        if (Templates is null || Templates.Count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(Templates), "At least one shift template is required.");
        }
        Preconditions.CheckNonNegative(UnderstaffCost, nameof(UnderstaffCost));
        Preconditions.CheckNonNegative(OverstaffCost, nameof(OverstaffCost));
        if (ScheduleTimeLimit <= TimeSpan.Zero)
        {
            ThrowHelper.ThrowOutOfRange(nameof(ScheduleTimeLimit), ScheduleTimeLimit, "must be > 0");
        }
        if (Levels is null || Levels.Count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(Levels), "At least one interval level is required.");
        }
        Forecast.ValidateLevels(Levels, nameof(Levels));
    }
}
