using System.Globalization;
using Touchstone.Tracking.FileStore;
using Touchstone.Tracking.Tests.Support;

namespace Touchstone.Tracking.Tests.FileStore;

public class PythonFloatTests
{
    // Golden values: each right-hand side is what `/usr/bin/python3 -c 'print(repr(x))'` printed (Python 3.11.7).
    [Theory]
    [InlineData(0.9, "0.9")]
    [InlineData(1.0, "1.0")]
    [InlineData(1e-07, "1e-07")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(12345678901234.5, "12345678901234.5")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(123.0, "123.0")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Format_matches_python_repr_for_golden_values(double value, string expected)
    {
        Assert.Equal(expected, PythonFloat.Format(value));
    }

    [Fact]
    public void Format_matches_live_python_repr_on_random_and_edge_doubles()
    {
        var random = new Random(20250101);
        var values = new List<double> { 1e22, 1e23, 9007199254740993, 0.000123, 100.0, 1e-4, 9.999999999999999e-5, 1e15, 9.999999999999998e15 };
        for (var i = 0; i < 3000; i++)
        {
            var bits = random.NextInt64();
            var value = BitConverter.Int64BitsToDouble(bits);
            if (double.IsFinite(value))
            {
                values.Add(value);
            }
            // Values of ordinary size too: losses, accuracies, learning rates.
            values.Add(Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-9, 18)), random.Next(0, 12)));
        }
        var input = string.Join('\n', values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString(CultureInfo.InvariantCulture)));
        var output = Python.Run(
            "import sys,struct\nfor line in sys.stdin.read().split():\n    print(repr(struct.unpack('<d', struct.pack('<q', int(line)))[0]))",
            input);
        var expected = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(values.Count, expected.Length);
        for (var i = 0; i < values.Count; i++)
        {
            Assert.True(expected[i] == PythonFloat.Format(values[i]), $"{values[i]:R}: python {expected[i]}, ours {PythonFloat.Format(values[i])}");
        }
    }

    [Theory]
    [InlineData("nan", double.NaN)]
    [InlineData("NaN", double.NaN)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("-INFINITY", double.NegativeInfinity)]
    [InlineData("1e-07", 1e-07)]
    [InlineData("0.9", 0.9)]
    [InlineData("1e999", double.PositiveInfinity)]
    public void TryParse_reads_what_python_float_reads(string text, double expected)
    {
        Assert.True(PythonFloat.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("∞")]
    [InlineData("1,5")]
    [InlineData("")]
    [InlineData("abc")]
    public void TryParse_refuses_what_python_float_refuses(string text)
    {
        Assert.False(PythonFloat.TryParse(text, out _));
    }
}
