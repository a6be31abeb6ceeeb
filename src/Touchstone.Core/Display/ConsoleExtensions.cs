using Spectre.Console;

namespace Touchstone.Core.Display;

/// <summary>Plain output on a Spectre console.</summary>
public static class ConsoleExtensions
{
    /// <summary>
    /// Writes <paramref name="text"/> and a newline as is: no markup, and no wrapping at the console width (which
    /// Spectre applies to redirected output too, and which would break paths and log lines apart).
    /// </summary>
    public static void PlainLine(this IAnsiConsole console, string text)
    {
        console.Profile.Out.Writer.WriteLine(text);
        console.Profile.Out.Writer.Flush();
    }
}
