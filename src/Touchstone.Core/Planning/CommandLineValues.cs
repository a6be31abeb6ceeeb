using System.Globalization;
using System.Text.RegularExpressions;
using Touchstone.Core.Declarations;
using Touchstone.Core.Running;

namespace Touchstone.Core.Planning;

/// <summary>Parsers for the small value languages of <c>touchstone run</c>: seed lists, shards and devices.</summary>
public static partial class CommandLineValues
{
    /// <summary>Parses <c>0,1,2</c>, <c>0-4</c> or a mix such as <c>0-2,7</c> into distinct seeds, in the order given.</summary>
    /// <exception cref="DeclarationException">The text is not a seed list.</exception>
    public static IReadOnlyList<int> ParseSeeds(string text)
    {
        var seeds = new List<int>();
        var seen = new HashSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var match = SeedRange().Match(part);
            if (!match.Success)
            {
                throw new DeclarationException("--seeds",
                    $"--seeds '{text}': '{part}' is not a seed or a range; write e.g. 0,1,2 or 0-4 or 0-2,7");
            }
            var first = Seed(text, match.Groups[1].Value);
            var last = match.Groups[2].Success ? Seed(text, match.Groups[2].Value) : first;
            if (last < first)
            {
                throw new DeclarationException("--seeds", $"--seeds '{text}': the range {part} goes down; write {last}-{first}");
            }
            // Checked before the range is expanded: 0-2000000000 must not try to list two billion seeds.
            if ((long)last - first + 1 + seeds.Count > MaxSeeds)
            {
                throw new DeclarationException("--seeds",
                    $"--seeds '{text}' names {(long)last - first + 1 + seeds.Count} seeds; one run takes at most {MaxSeeds} (each seed is a cell per variant)");
            }
            for (var seed = first; seed <= last; seed++)
            {
                if (!seen.Add(seed))
                {
                    throw new DeclarationException("--seeds", $"--seeds '{text}' lists seed {seed} twice");
                }
                seeds.Add(seed);
            }
        }
        return seeds;
    }

    /// <summary>The most seeds one <c>--seeds</c> may name.</summary>
    public const int MaxSeeds = 10_000;

    private static int Seed(string text, string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new DeclarationException("--seeds", $"--seeds '{text}': seed {digits} is too large; seeds go from 0 to {int.MaxValue}");

    /// <summary>Parses <c>i/n</c> (1-based, 1 ≤ i ≤ n).</summary>
    /// <exception cref="DeclarationException">The text is not a shard.</exception>
    public static Shard ParseShard(string text)
    {
        var match = ShardPattern().Match(text.Trim());
        if (match.Success
            && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }
        throw new DeclarationException("--shard", $"--shard '{text}' must be i/n with 1 <= i <= n, e.g. 2/4 for the second of four shards");
    }

    /// <summary>Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>; <c>cuda</c> becomes <c>cuda:0</c>.</summary>
    /// <exception cref="DeclarationException">The text is not a device.</exception>
    public static string ParseDevice(string text)
    {
        var device = text.Trim().ToLowerInvariant();
        if (device == "cpu" || DevicePattern().IsMatch(device))
        {
            return device;
        }
        if (device == "cuda")
        {
            return "cuda:0";
        }
        throw new DeclarationException("--device", $"--device '{text}' must be cpu, cuda or cuda:N (e.g. cuda:1)");
    }

    [GeneratedRegex(@"^(\d{1,30})(?:-(\d{1,30}))?$")]
    private static partial Regex SeedRange();

    [GeneratedRegex(@"^(\d{1,6})/(\d{1,6})$")]
    private static partial Regex ShardPattern();

    [GeneratedRegex(@"^cuda:\d{1,3}$")]
    private static partial Regex DevicePattern();
}
