using System.Security.Cryptography;
using System.Text;

namespace Touchstone.Core.Results;

/// <summary>A table whose bytes are not the ones recorded when it was written.</summary>
public sealed class ChecksumMismatchException(string message) : IOException(message);

/// <summary>
/// SHA-256 of committed tables. A checksum file is in <c>sha256sum</c> format (<c>&lt;hex&gt;  &lt;name&gt;</c>, names
/// relative to its folder), so <c>sha256sum -c</c> checks it too. Page CRCs catch a flipped bit inside a page;
/// these catch any change to the file, footer included.
/// </summary>
public static class Checksums
{
    /// <summary>The SHA-256 of a file, lowercase hex.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Writes (atomically) the checksum file <paramref name="sumsFile"/> for <paramref name="files"/> (beside it).</summary>
    public static void Write(string sumsFile, IEnumerable<string> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            text.Append(Sha256Of(file)).Append("  ").Append(Path.GetFileName(file)).Append('\n');
        }
        AtomicFile.WriteText(sumsFile, text.ToString());
    }

    /// <summary>
    /// Checks <paramref name="file"/> against its line in <paramref name="sumsFile"/>. A missing checksum file, or
    /// one without a line for the file, checks nothing: tables written before checksums existed, or by hand.
    /// </summary>
    /// <exception cref="ChecksumMismatchException">The file's bytes differ from the recorded ones.</exception>
    public static void Verify(string sumsFile, string file)
    {
        if (!File.Exists(sumsFile))
        {
            return;
        }
        var name = Path.GetFileName(file);
        foreach (var line in File.ReadLines(sumsFile))
        {
            var separator = line.IndexOf("  ", StringComparison.Ordinal);
            if (separator == 64 && line[(separator + 2)..] == name)
            {
                Check(file, line[..64], $"{sumsFile} records");
                return;
            }
        }
    }

    /// <summary>Checks a file against an expected SHA-256 (hex).</summary>
    /// <exception cref="ChecksumMismatchException">The file's bytes differ.</exception>
    public static void Check(string file, string expected, string recordedWhere)
    {
        var actual = Sha256Of(file);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new ChecksumMismatchException(
                $"{file} has SHA-256 {actual[..12]}… but {recordedWhere} {expected[..Math.Min(12, expected.Length)]}…: " +
                "the file changed or was damaged after it was written.");
        }
    }
}
