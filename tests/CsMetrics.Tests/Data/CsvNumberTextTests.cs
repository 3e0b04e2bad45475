using System.Globalization;
using System.Text;
using CsMetrics.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CsMetrics.Tests.Data;

/// <summary>
/// The CSV fast paths for numbers against the BCL as the oracle: the plain-decimal parser must give the
/// bit-identical double that <see cref="double.TryParse(string, NumberStyles, IFormatProvider, out double)"/>
/// gives, and the writer's number text must be the shortest round-trip text <c>ToString("R")</c> gives.
/// </summary>
public class CsvNumberTextTests
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00A0" };

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+7")]
    [InlineData("1800")]
    [InlineData("0.8")]
    [InlineData("-12.5")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("9007199254740992")]          // 2^53: the largest exact digit integer
    [InlineData("9007199254740993")]          // 2^53 + 1: falls back, rounds to 2^53
    [InlineData("0.1234567890123456789012")]  // 22 decimals
    [InlineData("0.00000000000000000000001")] // 23 decimals: falls back
    [InlineData("123456789012345678901234567890")]
    [InlineData("1e5")]
    [InlineData("0.30000000000000004")]
    public void Plain_decimals_parse_to_the_bcl_value(string text)
    {
        Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double expected));
        Assert.True(CellText.TryParseNumber(text, NumberFormatInfo.InvariantInfo, out double actual));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("2,8")]
    [InlineData("1 000")]
    [InlineData("--1")]
    [InlineData("0x10")]
    public void Not_numbers_stay_not_numbers(string text)
    {
        Assert.False(CellText.TryParseNumber(text, NumberFormatInfo.InvariantInfo, out double value));
        Assert.True(double.IsNaN(value));
    }

    /// <summary>Law: for any digits, sign and decimal position, the fast path and the BCL agree bit for bit (and on failure).</summary>
    [Property(MaxTest = 2000)]
    public bool Any_plain_decimal_parses_like_the_bcl(bool negative, NonNegativeInt integerDigits, NonNegativeInt fractionDigits, ulong seed, bool comma)
    {
        var random = new Random((int)(seed % int.MaxValue));
        var text = new StringBuilder(negative ? "-" : "");
        int whole = integerDigits.Get % 20, fraction = fractionDigits.Get % 26;
        for (int i = 0; i < whole; i++)
        {
            text.Append((char)('0' + random.Next(10)));
        }
        if (fraction > 0 || random.Next(4) == 0)
        {
            text.Append(comma ? ',' : '.');
            for (int i = 0; i < fraction; i++)
            {
                text.Append((char)('0' + random.Next(10)));
            }
        }
        var format = comma ? DecimalComma : NumberFormatInfo.InvariantInfo;
        bool expectedOk = double.TryParse(text.ToString(), NumberStyles.Float, format, out double expected) && double.IsFinite(expected);
        bool ok = CellText.TryParseNumber(text.ToString(), format, out double actual);
        return ok == expectedOk && (!ok || BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(4.0)]
    [InlineData(-17.0)]
    [InlineData(999999999999999.0)]  // just below 10^15: plain digits
    [InlineData(1e15)]               // from here the round-trip format has an exponent
    [InlineData(1e16)]
    [InlineData(0.1)]
    [InlineData(1e-5)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    public void Numbers_are_written_as_the_round_trip_format_writes_them(double value) =>
        Assert.Equal(value.ToString("R", CultureInfo.InvariantCulture), Format(value));

    [Fact]
    public void Negative_zero_keeps_its_sign() => Assert.Equal("-0", Format(-0.0));

    /// <summary>Law: any double (from any bit pattern, and any whole number) is written as <c>ToString("R")</c> writes it.</summary>
    [Property(MaxTest = 5000)]
    public bool Any_double_is_written_as_round_trip_text(long bits, int whole)
    {
        double value = BitConverter.Int64BitsToDouble(bits);
        if (double.IsNaN(value))
        {
            return Format(value).Length == 0;
        }
        return Format(value) == value.ToString("R", CultureInfo.InvariantCulture)
            && Format(whole) == ((double)whole).ToString("R", CultureInfo.InvariantCulture)
            && Format(whole * 1e6) == (whole * 1e6).ToString("R", CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_run_of_numbers_is_written_as_its_cells_one_by_one()
    {
        double[] values = [1, 0.1 + 0.2, double.NaN, -0.0, 1e300];
        string Write(bool asRun)
        {
            var text = new StringWriter();
            using (var writer = TableWriter.CreateCsv(text, [TableColumn.Text("q"), .. values.Select((_, i) => TableColumn.Number($"x{i}"))], ';'))
            {
                writer.Write("a");
                if (asRun)
                {
                    writer.Write(values);
                }
                else
                {
                    foreach (double v in values)
                    {
                        writer.Write(v);
                    }
                }
                writer.EndRow();
            }
            return text.ToString();
        }
        Assert.Equal("q;x0;x1;x2;x3;x4\na;1;0.30000000000000004;;-0;1E+300\n", Write(asRun: true));
        Assert.Equal(Write(asRun: false), Write(asRun: true));
    }

    [Fact]
    public void Text_beyond_the_buffer_and_non_ascii_text_is_written_whole()
    {
        string longText = string.Concat(Enumerable.Repeat("Jos\u00e9 \ud83d\ude00 ", 20_000));
        var stream = new MemoryStream();
        using (var writer = TableWriter.Create(stream, TableFormat.Csv, [TableColumn.Text("t"), TableColumn.Text("u")], leaveOpen: true))
        {
            writer.Write(longText);
            writer.Write("say \"hi\"");
            writer.EndRow();
        }
        stream.Position = 0;
        using var reader = TableReader.OpenCsv(stream, "t.csv");
        Assert.True(reader.MoveNext());
        Assert.Equal(longText.Trim(), reader.GetString(0));
        Assert.Equal("say \"hi\"", reader.GetString(1));
    }

    /// <summary>
    /// Many buffers' worth of rows through every write path against text built with <c>ToString("R")</c>: a cell
    /// that straddles a buffer flush must come out whole (a regression: a flush inside <c>_used += ...</c> lost bytes).
    /// </summary>
    [Fact]
    public void Rows_across_many_buffer_flushes_are_written_exactly()
    {
        var random = new Random(8);
        var expected = new StringBuilder("t,x,n,b,r0,r1,r2\n");
        var stream = new MemoryStream();
        using (var writer = TableWriter.Create(stream, TableFormat.Csv,
            [TableColumn.Text("t"), TableColumn.Number("x"), TableColumn.Integer("n"), TableColumn.Boolean("b"), TableColumn.Number("r0"), TableColumn.Number("r1"), TableColumn.Number("r2")], leaveOpen: true))
        {
            double[] run = new double[3];
            for (int row = 0; row < 20_000; row++)
            {
                string text = row % 5 == 0 ? "Jos\u00e9" : "q" + row;
                double x = random.NextDouble() * 1000;
                long n = random.NextInt64();
                for (int i = 0; i < run.Length; i++)
                {
                    run[i] = i == 2 && row % 3 == 0 ? double.NaN : random.NextDouble();
                }
                writer.Write(text);
                writer.Write(x);
                writer.Write(n);
                writer.Write(row % 2 == 0);
                writer.Write(run);
                writer.EndRow();
                string R(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);
                expected.Append(CultureInfo.InvariantCulture, $"{text},{R(x)},{n},{(row % 2 == 0 ? "true" : "false")},{R(run[0])},{R(run[1])},{R(run[2])}\n");
            }
        }
        Assert.True(stream.Length > 10 * 65536);
        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Format(double value)
    {
        Span<byte> bytes = stackalloc byte[32];
        return Encoding.UTF8.GetString(bytes[..CsvTableWriter.FormatNumber(value, bytes)]);
    }
}
