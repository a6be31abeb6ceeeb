using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Touchstone.Core.Results;

/// <summary>
/// Writes files so that a reader (or a resumed run) sees either the old file or the complete new one, never a
/// part: the content goes to a temporary file in the same folder, is flushed to the disk (fsync), renamed over the
/// target, and the folder entry is flushed too. A process killed at any moment leaves at most a temporary file,
/// which <see cref="IsTemporary"/> recognises so it can be cleaned up.
/// </summary>
public static class AtomicFile
{
    private const string TemporaryMarker = ".tmp-";

    /// <summary>Writes <paramref name="path"/> from what <paramref name="write"/> puts into the stream.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}{TemporaryMarker}{System.Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        SyncFolder(folder);
    }

    /// <summary>Writes UTF-8 text (without a byte-order mark).</summary>
    public static void WriteText(string path, string text) =>
        Write(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));

    /// <summary>Writes <paramref name="value"/> as indented snake_case JSON (<see cref="ResultsJson.Options"/>).</summary>
    public static void WriteJson<T>(string path, T value) =>
        Write(path, stream => JsonSerializer.Serialize(stream, value, ResultsJson.Options));

    /// <summary>Whether <paramref name="fileName"/> is a temporary file left by an interrupted write.</summary>
    public static bool IsTemporary(string fileName) =>
        fileName.StartsWith('.') && fileName.Contains(TemporaryMarker, StringComparison.Ordinal);

    /// <summary>Deletes temporary files left below <paramref name="folder"/> by a killed process.</summary>
    public static int RemoveTemporaryFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, ".*", SearchOption.AllDirectories))
        {
            if (IsTemporary(Path.GetFileName(file)) && TryDelete(file))
            {
                removed++;
            }
        }
        return removed;
    }

    /// <summary>Flushes a folder's entries (new and renamed files) to the disk; a no-op where the OS has no such call.</summary>
    public static void SyncFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var fd = Open(folder, 0);
        if (fd < 0)
        {
            return;
        }
        _ = Fsync(fd);
        _ = Close(fd);
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling of the latter needs unsafe code.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
