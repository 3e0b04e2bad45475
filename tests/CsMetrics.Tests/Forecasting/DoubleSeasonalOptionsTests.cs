using CsMetrics.Forecasting;

namespace CsMetrics.Tests.Forecasting;

/// <summary><see cref="DoubleSeasonalOptions"/>: defaults, Validate (first problem, property as ParamName), period checks naming options, cancellation.</summary>
public class DoubleSeasonalOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones_and_valid()
    {
        var d = DoubleSeasonalOptions.Default;
        Assert.Equal(DoubleSeasonalForm.Multiplicative, d.Form);
        Assert.Null(d.OpenHours);
        Assert.True(d.Trend);
        Assert.Null(d.FixedParameters);
        Assert.Null(d.InitialStates);
        Assert.Equal(DoubleSeasonalInitialization.Averaged, d.Initialization);
        Assert.Equal(3000, d.MaxEvaluations);
        d.Validate();
        (d with { MaxEvaluations = 10 }).Validate();
        (d with { MaxEvaluations = 10_000_000 }).Validate();
    }

    private static readonly (DoubleSeasonalOptions Options, string ParamName, string InMessage)[] Broken =
    [
        (new DoubleSeasonalOptions { MaxEvaluations = 9 }, "MaxEvaluations", "9"),
        (new DoubleSeasonalOptions { MaxEvaluations = 10_000_001 }, "MaxEvaluations", "10000001"),
        (new DoubleSeasonalOptions { Form = (DoubleSeasonalForm)7 }, "Form", "7"),
        (new DoubleSeasonalOptions { Initialization = (DoubleSeasonalInitialization)5 }, "Initialization", "5"),
        (new DoubleSeasonalOptions { FixedParameters = new DoubleSeasonalParameters(1.5, 0, 0, 0, 0) }, "FixedParameters", "FixedParameters.Alpha"),
        (new DoubleSeasonalOptions { FixedParameters = new DoubleSeasonalParameters(0.1, 0, 0, double.NaN, 0) }, "FixedParameters", "FixedParameters.Omega"),
        (new DoubleSeasonalOptions { FixedParameters = new DoubleSeasonalParameters(0.1, 0, 0, 0, 1) }, "FixedParameters", "FixedParameters.Phi"),
        (new DoubleSeasonalOptions { Trend = false, FixedParameters = new DoubleSeasonalParameters(0.1, 0.01, 0, 0, 0) }, "FixedParameters", "FixedParameters.Beta"),
        (new DoubleSeasonalOptions { InitialStates = new DoubleSeasonalStates(double.NaN, 0, [1, 1], [1, 1, 1, 1]) }, "InitialStates", "InitialStates.Level"),
        // First problem wins: Form is checked before MaxEvaluations.
        (new DoubleSeasonalOptions { Form = (DoubleSeasonalForm)7, MaxEvaluations = 0 }, "Form", "7"),
    ];

    [Fact]
    public void Validate_names_the_first_broken_property()
    {
        var y = DoubleSeasonalHoltWintersTests.Synthetic(4, 12, 3, 1);
        foreach (var (options, paramName, inMessage) in Broken)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
            Assert.Equal(paramName, error.ParamName);
            Assert.Contains(inMessage, error.Message);
            // Fit and FitMany validate the same way before touching the series.
            Assert.Equal(paramName, Assert.Throws<ArgumentOutOfRangeException>(() => DoubleSeasonalHoltWinters.Fit(y, 4, 12, options)).ParamName);
            Assert.Equal(paramName, Assert.Throws<ArgumentOutOfRangeException>(() => DoubleSeasonalHoltWinters.FitMany([y], 4, 12, options)).ParamName);
        }
    }

    [Fact]
    public void Period_dependent_problems_name_options_and_the_property()
    {
        var y = DoubleSeasonalHoltWintersTests.Synthetic(4, 12, 3, 1);
        var mask = Assert.Throws<ArgumentException>(() => DoubleSeasonalHoltWinters.Fit(y, 4, 12, new DoubleSeasonalOptions { OpenHours = OpenHoursMask.AllOpen(8) }));
        Assert.Equal("options", mask.ParamName);
        Assert.StartsWith("options.OpenHours: ", mask.Message);
        var states = Assert.Throws<ArgumentException>(() => DoubleSeasonalHoltWinters.Fit(y, 4, 12,
            new DoubleSeasonalOptions { InitialStates = new DoubleSeasonalStates(100, 0, [1, 1, 1], [1, 1]) }));
        Assert.Equal("options", states.ParamName);
        Assert.StartsWith("options.InitialStates: ", states.Message);
        var additive = new DoubleSeasonalOptions { Form = DoubleSeasonalForm.Additive, Initialization = DoubleSeasonalInitialization.RatioToMovingAverage };
        var start = Assert.Throws<ArgumentException>(() => DoubleSeasonalHoltWinters.Fit(y, 4, 12, additive));
        Assert.Equal("options", start.ParamName);
        Assert.StartsWith("options.Initialization: ", start.Message);
    }

    [Fact]
    public void Fit_honours_a_cancelled_token_and_runs_without_one()
    {
        var y = DoubleSeasonalHoltWintersTests.Synthetic(4, 12, 3, 1);
        var options = new DoubleSeasonalOptions { MaxEvaluations = 100 };
        var cancelled = new CancellationToken(true);
        Assert.ThrowsAny<OperationCanceledException>(() => DoubleSeasonalHoltWinters.Fit(y, 4, 12, options, cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => DoubleSeasonalHoltWinters.FitAndForecast(y, 4, 12, 4, options: options, paths: 50, cancellationToken: cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => DoubleSeasonalHoltWinters.FitMany([y, y], 4, 12, options, cancelled));
        var model = DoubleSeasonalHoltWinters.Fit(y, 4, 12, options, CancellationToken.None);
        Assert.True(double.IsFinite(model.SumOfSquaredErrors));
        // Same options, same fit: the record carries every setting.
        Assert.Equal(model.Parameters, DoubleSeasonalHoltWinters.Fit(y, 4, 12, options with { }).Parameters);
    }
}
