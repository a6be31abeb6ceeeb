using System.Text;

namespace Touchstone.Parquet;

/// <summary>UTF-8 that throws on invalid input instead of silently substituting U+FFFD.</summary>
internal static class Utf8
{
    public static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether <paramref name="text"/> can be encoded to UTF-8 (it has no unpaired surrogate).</summary>
    public static bool IsValid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }
}
