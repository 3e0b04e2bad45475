using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace CsMetrics.Cli;

/// <summary>
/// Numbers on the command line are read one way: invariant culture, '.' for decimals, no thousands
/// separators, finite. System.CommandLine's own parser accepts thousands separators, so <c>--aht-s 2,8</c>
/// would silently be 28; every numeric option of every command is given this parser instead, so that is an
/// error naming the option and the fix.
/// </summary>
internal static class NumberOptions
{
    /// <summary>Gives every numeric option under <paramref name="command"/> (recursively) the one number parser.</summary>
    public static void Apply(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<double> o:
                    o.CustomParser = Single(o, o.DefaultValueFactory, ParseDouble);
                    break;
                case Option<double?> o:
                    o.CustomParser = Single<double?>(o, o.DefaultValueFactory, (text, name, r) => ParseDouble(text, name, r));
                    break;
                case Option<double[]> o:
                    o.CustomParser = Many(o, o.DefaultValueFactory, ParseDouble);
                    break;
                case Option<int> o:
                    o.CustomParser = Single(o, o.DefaultValueFactory, ParseInt);
                    break;
                case Option<int?> o:
                    o.CustomParser = Single<int?>(o, o.DefaultValueFactory, (text, name, r) => ParseInt(text, name, r));
                    break;
                case Option<int[]> o:
                    o.CustomParser = Many(o, o.DefaultValueFactory, ParseInt);
                    break;
            }
        }
        foreach (var sub in command.Subcommands)
        {
            Apply(sub);
        }
    }

    /// <summary>Reads <paramref name="text"/> as the CLI reads every number; null (and an error on <paramref name="result"/>) when it is not one.</summary>
    private static double ParseDouble(string text, string option, ArgumentResult result)
    {
        if (TryParseDouble(text, out double value))
        {
            return value;
        }
        result.AddError(Message(text, option, "a number"));
        return default;
    }

    private static int ParseInt(string text, string option, ArgumentResult result)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }
        result.AddError(TryParseDouble(text, out double number) && number == Math.Floor(number)
            ? $"{option}: {text} is out of range: must be a whole number from {int.MinValue} to {int.MaxValue}"
            : Message(text, option, "a whole number"));
        return default;
    }

    /// <summary>True for a finite number in invariant culture: sign, digits, '.', exponent; no thousands separators, no NaN or infinity.</summary>
    public static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string Message(string text, string option, string what) =>
        text.Contains(',')
            ? $"{option}: '{text}' is not {what}: use '.' for decimals (e.g. {text.Replace(',', '.')}) and no thousands separators"
            : $"{option}: '{text}' is not {what}";

    private static Func<ArgumentResult, T?> Single<T>(Option option, Func<ArgumentResult, T>? defaultValue, Func<string, string, ArgumentResult, T> parse) =>
        result =>
        {
            if (result.Tokens.Count == 0)
            {
                return defaultValue is null ? default : defaultValue(result);
            }
            return parse(result.Tokens[^1].Value, option.Name, result);
        };

    private static Func<ArgumentResult, T[]?> Many<T>(Option option, Func<ArgumentResult, T[]>? defaultValue, Func<string, string, ArgumentResult, T> parse) =>
        result =>
        {
            if (result.Tokens.Count == 0)
            {
                return defaultValue is null ? [] : defaultValue(result);
            }
            var values = new T[result.Tokens.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = parse(result.Tokens[i].Value, option.Name, result);
            }
            return values;
        };
}
