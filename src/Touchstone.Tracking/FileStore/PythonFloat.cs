using System.Globalization;
using System.Text;

namespace Touchstone.Tracking.FileStore;

/// <summary>
/// Formats and parses doubles exactly as Python's <c>repr(float)</c> and <c>float(str)</c> do, which is how the
/// MLflow file store writes and reads metric values: the shortest digits that round-trip, fixed notation while the
/// decimal exponent is in [-4, 16), otherwise <c>d.ddde±XX</c>; <c>nan</c>, <c>inf</c>, <c>-inf</c>.
/// </summary>
public static class PythonFloat
{
    /// <summary>Python's <c>repr(value)</c>, e.g. <c>0.9</c>, <c>1.0</c>, <c>1e-07</c>, <c>nan</c>.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        var negative = double.IsNegative(value);
        var (digits, decimalPoint) = ShortestDigits(Math.Abs(value));
        var text = new StringBuilder(negative ? "-" : "");
        // decimalPoint is where the point goes in 0.DIGITS × 10^decimalPoint (CPython's "decpt").
        if (decimalPoint is > -4 and <= 16)
        {
            if (decimalPoint <= 0)
            {
                text.Append("0.").Append('0', -decimalPoint).Append(digits);
            }
            else if (decimalPoint >= digits.Length)
            {
                text.Append(digits).Append('0', decimalPoint - digits.Length).Append(".0");
            }
            else
            {
                text.Append(digits, 0, decimalPoint).Append('.').Append(digits, decimalPoint, digits.Length - decimalPoint);
            }
            return text.ToString();
        }
        text.Append(digits[0]);
        if (digits.Length > 1)
        {
            text.Append('.').Append(digits, 1, digits.Length - 1);
        }
        var exponent = decimalPoint - 1;
        text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>
    /// Python's <c>float(text)</c> for what metric files hold: decimal and exponent notation (overflow gives an
    /// infinity), and <c>nan</c>, <c>inf</c>, <c>infinity</c> in any case with an optional sign. Returns false
    /// for anything else, including .NET-only spellings such as <c>∞</c>.
    /// </summary>
    public static bool TryParse(string text, out double value)
    {
        var trimmed = text.Trim();
        var negative = trimmed.StartsWith('-');
        var body = trimmed.Length > 0 && trimmed[0] is '+' or '-' ? trimmed[1..] : trimmed;
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        value = 0;
        return body.Length > 0
            && body.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')
            && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    // The shortest round-trip digits of a positive finite value, without leading or trailing zeros, and the
    // position of the decimal point relative to them. .NET's "R" gives the same shortest digits as Python's repr.
    private static (string Digits, int DecimalPoint) ShortestDigits(double value)
    {
        if (value == 0)
        {
            return ("0", 1);
        }
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var exponent = exponentAt < 0 ? 0 : int.Parse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var point = mantissa.IndexOf('.');
        var integerDigits = point < 0 ? mantissa.Length : point;
        var digits = mantissa.Replace(".", "");
        var decimalPoint = integerDigits + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return (digits, decimalPoint - leadingZeros);
    }
}
