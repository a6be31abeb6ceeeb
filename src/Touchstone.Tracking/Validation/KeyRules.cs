using System.Globalization;
using System.Text;

namespace Touchstone.Tracking.Validation;

/// <summary>
/// MLflow's rules for metric, param and tag keys: the characters of <c>^[/\w.\- :]*$</c> (with Python's Unicode
/// <c>\w</c>: letters, numbers, underscore), a path that is already normalized and relative, at most 250
/// characters. A key is also a relative file path in the file store, which is why the path rules exist.
/// </summary>
public static class KeyRules
{
    /// <summary>Longest key MLflow accepts, in Unicode code points.</summary>
    public const int MaxKeyLength = 250;

    /// <summary>Why <paramref name="key"/> is not a valid MLflow key, or null when it is.</summary>
    public static string? Problem(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "the key is empty";
        }
        foreach (var rune in key.EnumerateRunes())
        {
            if (!IsAllowed(rune))
            {
                return $"the character {Describe(rune)} is not allowed; use letters, digits, '_', '/', '.', '-', ' ' or ':'";
            }
        }
        var pathProblem = PathProblem(key);
        if (pathProblem is not null)
        {
            return pathProblem;
        }
        var length = CodePointLength(key);
        return length > MaxKeyLength ? $"the key is {length} characters long; the limit is {MaxKeyLength}" : null;
    }

    /// <summary>The length as Python counts it: Unicode code points.</summary>
    public static int CodePointLength(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    private static bool IsAllowed(Rune rune)
    {
        if (rune.Value is '/' or '.' or '-' or ' ' or ':' or '_')
        {
            return true;
        }
        // Python's str.isalnum(): every letter category and every number category.
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
                or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    // Equivalent to MLflow's check that posixpath.normpath(key) == key, key != "." and not key.startswith(("..", "/")):
    // a normalized relative path has no empty, "." or ".." segments.
    private static string? PathProblem(string key)
    {
        if (key.StartsWith('/'))
        {
            return "the key must not start with '/'";
        }
        if (key.StartsWith("..", StringComparison.Ordinal))
        {
            return "the key must not start with '..'";
        }
        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "the key must not contain '//' or end with '/'";
            }
            if (segment is "." or "..")
            {
                return $"the key must not contain a '{segment}' path segment";
            }
        }
        return null;
    }

    private static string Describe(Rune rune) =>
        rune.Value < 0x20 || rune.Value == 0x7f
            ? $"U+{rune.Value:X4}"
            : $"'{rune}' (U+{rune.Value:X4})";
}
