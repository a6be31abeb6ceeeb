namespace Touchstone.Core.Running;

/// <summary>Run ids: sortable by creation time, unique enough for many machines, usable as folder names.</summary>
public static class RunIds
{
    /// <summary>A new id such as <c>20261121-235959-ab12cd</c> (UTC time, then 6 random hex digits).</summary>
    public static string New(DateTime utcNow) =>
        $"{utcNow:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";

    /// <summary>The longest run id: it names a folder, and file names stop at 255 bytes.</summary>
    public const int MaxLength = 200;

    /// <summary>Whether <paramref name="id"/> can name a run folder (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</summary>
    public static bool IsValid(string id) => Problem(id) is null;

    /// <summary>What is wrong with <paramref name="id"/> as a run id, in words; null when it is fine.</summary>
    public static string? Problem(string id) =>
        id.Length == 0 ? "is empty"
        : id.Length > MaxLength ? $"is {id.Length} characters long; at most {MaxLength} (it names a folder)"
        : id[0] == '.' || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? "must be letters, digits, '-', '_' or '.', not starting with '.' (it names a folder)"
            : null;
}
