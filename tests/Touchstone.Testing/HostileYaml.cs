using System.Text;

namespace Touchstone.Testing;

/// <summary>Suite files written to hurt the reader.</summary>
public static class HostileYaml
{
    /// <summary>
    /// An alias bomb under <c>config:</c>: <c>l0</c> is a list of nine scalars (line 4), and each level <c>lk</c>
    /// (line 4 + k) a list of nine aliases to level k-1, so the last level expands to 9^(levels+1) values.
    /// </summary>
    public static string AliasBomb(int levels)
    {
        var text = new StringBuilder("name: bomb\nexperiment: selftest\nconfig:\n  l0: &l0 [x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= levels; level++)
        {
            text.Append($"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9))}]\n");
        }
        return text.ToString();
    }
}
