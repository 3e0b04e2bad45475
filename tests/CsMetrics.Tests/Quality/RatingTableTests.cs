using System.Globalization;
using CsMetrics.Quality;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Quality;

public class RatingTableTests
{
    private static IReadOnlyList<IReadOnlyList<string?>> Rows(params string?[][] rows) => rows;

    private static RatingTable Read(string[] raters, IReadOnlyList<IReadOnlyList<string?>> rows, IReadOnlyList<string>? categories = null)
    {
        var result = RatingTable.Parse(raters, rows, categories);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value!;
    }

    [Fact]
    public void Numbers_become_an_ordered_table_with_the_distinct_values_as_categories()
    {
        var table = Read(["ana", "ben"], Rows(["4", "5"], ["3", "NA"], ["5", "4.0"], [" ", "n/a"]));
        Assert.True(table.IsNumeric);
        Assert.True(table.IsOrdered);
        Assert.Equal(["3", "4", "5"], table.Categories);
        Assert.Equal([3.0, 4, 5], table.Scale);
        Assert.Equal(3, table.MissingCount);
        Assert.Equal([0, 2], table.CompleteUnits);
        Assert.Equal(2, table.Code(0, 1));
        Assert.Equal(-1, table.Code(1, 1));
        Assert.True(double.IsNaN(table.Value(3, 0)));
        Assert.Equal("4", table.Label(2, 1));
        Assert.Equal(1, table.IndexOf("BEN"));
        Assert.Contains("4 units × 2 raters", table.ToString());
        Assert.False(table.Raters is string[] || table.Categories is string[] || table.Scale is double[] || table.CompleteUnits is int[]);
    }

    [Fact]
    public void Text_labels_are_nominal_unless_their_order_is_given()
    {
        var nominal = Read(["a", "b"], Rows(["good", "poor"], ["fair", "fair"]));
        Assert.False(nominal.IsNumeric);
        Assert.False(nominal.IsOrdered);
        Assert.Equal(["fair", "good", "poor"], nominal.Categories); // ordinal order of the spellings
        Assert.Throws<InvalidOperationException>(() => nominal.Value(0, 0));

        var ordinal = Read(["a", "b"], Rows(["good", "poor"], ["fair", "fair"]), ["poor", "fair", "good"]);
        Assert.True(ordinal.IsOrdered);
        Assert.Equal(["poor", "fair", "good"], ordinal.Categories);
        Assert.Equal(2, ordinal.Code(0, 0));
        Assert.Equal(0, ordinal.Code(0, 1));
    }

    [Fact]
    public void A_numeric_scale_keeps_unused_points()
    {
        var table = Read(["a", "b"], Rows(["2", "3"], ["3", "3"]), ["1", "2", "3", "4", "5"]);
        Assert.True(table.IsNumeric);
        Assert.Equal(5, table.Categories.Count);
        Assert.Equal(1, table.Code(0, 0));
        var off = RatingTable.Parse(["a", "b"], Rows(["2", "7"], ["3", "x"]), ["1", "2", "3", "4", "5"]);
        Assert.Contains(off.Errors, e => e is { Row: 0, Column: 1 } && e.Message.Contains("7 is not on the scale 1, 2, 3, 4, 5"));
        Assert.Contains(off.Errors, e => e is { Row: 1, Column: 1 } && e.Message.Contains("'x' is not a number on the scale"));
    }

    [Fact]
    public void Every_ambiguous_cell_is_an_error_at_its_place()
    {
        var mixed = RatingTable.Parse(["id", "a", "b"], Rows(["call-1", "4", "5"], ["call-2", "3", "2"]));
        Assert.Equal(2, mixed.Errors.Count);
        Assert.All(mixed.Errors, e => Assert.Equal(0, e.Column));
        Assert.Contains("is text but 4 other ratings are numbers", mixed.Errors[0].Message);
        Assert.Contains("id column", mixed.Errors[0].Message);

        var odd = RatingTable.Parse(["a", "b"], Rows(["4,5", "NaN"], ["Infinity", "4"]));
        Assert.Contains(odd.Errors, e => e is { Row: 0, Column: 0 } && e.Message.Contains("written with a comma"));
        Assert.Contains(odd.Errors, e => e is { Row: 0, Column: 1 } && e.Message.Contains("'NaN' is not a rating"));
        Assert.Contains(odd.Errors, e => e is { Row: 1, Column: 0 } && e.Message.Contains("'Infinity' is not a rating"));

        var cased = RatingTable.Parse(["a", "b"], Rows(["pass", "Pass"], ["fail", "pass"]));
        var error = Assert.Single(cased.Errors);
        Assert.Equal((0, 1), (error.Row, error.Column));
        Assert.Contains("'Pass' and 'pass' differ only in case", error.Message);

        var unknown = RatingTable.Parse(["a", "b"], Rows(["Good", "fair"]), ["poor", "fair", "good"]);
        Assert.Contains("did you mean 'good'?", Assert.Single(unknown.Errors).Message);
    }

    [Fact]
    public void Rater_names_are_unique_ignoring_case_and_rows_have_one_cell_per_rater()
    {
        var duplicate = RatingTable.Parse(["ana", "ben", "Ana"], Rows(["1", "2", "3"]));
        var error = Assert.Single(duplicate.Errors);
        Assert.Equal(("raters", 2), (error.Field, error.Column));
        Assert.Contains("'Ana' is named twice (columns 1 and 3, as 'ana' and 'Ana'", error.Message);
        Assert.Contains(RatingTable.Parse(["a", ""], Rows(["1", "2"])).Errors, e => e.Message.Contains("needs a name"));
        var ragged = RatingTable.Parse(["a", "b"], Rows(["1", "2"], ["1"]));
        Assert.Equal(1, Assert.Single(ragged.Errors).Row);
        Assert.Contains(RatingTable.Parse(["a", "b"], Rows(["1", "2"]), ["x", "X"]).Errors, e => e.Field == "categories");
    }

    [Fact]
    public void Constructors_throw_the_first_problem_with_the_parameter_name()
    {
        var table = new RatingTable(["a", "b"], new double[,] { { 1, 2 }, { double.NaN, 3 } });
        Assert.Equal(1, table.MissingCount);
        var ex = Assert.Throws<ArgumentException>(() => new RatingTable(["a", "A"], new double[,] { { 1, 2 } }));
        Assert.Equal("raters", ex.ParamName);
        Assert.Contains("raters[1]:", ex.Message);
        var scale = Assert.Throws<ArgumentException>(() => new RatingTable(["a", "b"], new double[,] { { 1, 7 } }, [1, 2, 3, 4, 5]));
        Assert.Equal("ratings", scale.ParamName);
        Assert.Contains("ratings[0, 1]: 7 is not on the scale", scale.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RatingTable(["a", "b"], new double[,] { { 1, double.PositiveInfinity } }));

        var text = new RatingTable(["a", "b"], new string?[,] { { "yes", "NA" }, { "no", "no" } });
        Assert.Equal(["no", "yes"], text.Categories);
        Assert.Equal(1, text.MissingCount);
        // Labels that look like numbers stay labels when the caller gives text.
        var digits = new RatingTable(["a", "b"], new string?[,] { { "1", "2" } });
        Assert.False(digits.IsNumeric);
        Assert.False(digits.IsOrdered);
    }

    [Fact]
    public void Views_keep_the_categories()
    {
        var table = Read(["a", "b", "c"], Rows(["1", "2", "5"], ["3", null, "3"], ["2", "2", "2"]));
        var complete = table.WithCompleteUnits();
        Assert.Equal(2, complete.UnitCount);
        Assert.Equal(table.Categories, complete.Categories);
        var pair = table.SelectRaters([2, 0]);
        Assert.Equal(["c", "a"], pair.Raters);
        Assert.Equal(5.0, pair.Value(0, 0));
        Assert.Equal(table.Categories, pair.Categories);
        Assert.Throws<ArgumentException>(() => table.SelectRaters([0, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.SelectUnits([3]));
    }

    [Property(MaxTest = 100)]
    public bool Numbers_read_from_text_equal_the_numeric_constructor(int seed)
    {
        var random = new Random(seed);
        int units = 1 + random.Next(8), raters = 2 + random.Next(3);
        var values = new double[units, raters];
        var rows = new List<IReadOnlyList<string?>>();
        for (int u = 0; u < units; u++)
        {
            var row = new string?[raters];
            for (int r = 0; r < raters; r++)
            {
                values[u, r] = random.Next(5) == 0 ? double.NaN : Math.Round(random.NextDouble() * 10, random.Next(3));
                row[r] = double.IsNaN(values[u, r]) ? (random.Next(2) == 0 ? "" : "NA") : values[u, r].ToString(CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        var names = Enumerable.Range(0, raters).Select(r => $"r{r}").ToArray();
        var parsed = RatingTable.Parse(names, rows).Value!;
        var built = new RatingTable(names, values);
        return parsed.Categories.SequenceEqual(built.Categories) && parsed.MissingCount == built.MissingCount
            && Enumerable.Range(0, units).All(u => Enumerable.Range(0, raters).All(r => parsed.Code(u, r) == built.Code(u, r)));
    }
}
