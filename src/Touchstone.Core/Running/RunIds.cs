namespace Touchstone.Core.Running;

/// <summary>Run ids: sortable by creation time, unique enough for many machines, usable as folder names.</summary>
public static class RunIds
{
    /// <summary>A new id such as <c>20261121-235959-ab12cd</c> (UTC time, then 6 random hex digits).</summary>
    public static string New(DateTime utcNow) =>
        $"{utcNow:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";

    /// <summary>Whether <paramref name="id"/> can name a run folder (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</summary>
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 200 && id[0] != '.' && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
