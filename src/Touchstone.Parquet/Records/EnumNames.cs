namespace Touchstone.Parquet.Records;

/// <summary>
/// Enum values stored as strings: the member name in snake_case (<c>Ok</c> → <c>ok</c>), parsed back
/// case-insensitively (the member name itself is accepted too).
/// </summary>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> NameOf = Enum.GetValues<TEnum>()
        .Distinct()
        .ToDictionary(v => v, v => Naming.ToSnakeCase(Enum.GetName(v)!));

    private static readonly Dictionary<string, TEnum> ValueOf = BuildLookup();

    public static string ToName(TEnum value) =>
        NameOf.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentException($"{value} is not a named member of {typeof(TEnum).Name}, so it has no name to store");

    public static string? ToNullableName(TEnum? value) => value is { } v ? ToName(v) : null;

    public static TEnum Parse(string text, string column, long row) =>
        ValueOf.TryGetValue(text, out var value)
            ? value
            : throw new ParquetFormatException(
                $"row {row} holds '{text}', which is not a member of {typeof(TEnum).Name} (expected one of: {string.Join(", ", NameOf.Values)})")
                .WithContext(column: column);

    public static TEnum? ParseNullable(string? text, string column, long row) => text is null ? null : Parse(text, column, row);

    private static Dictionary<string, TEnum> BuildLookup()
    {
        var lookup = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Enum.GetNames<TEnum>())
        {
            var value = Enum.Parse<TEnum>(name);
            lookup.TryAdd(Naming.ToSnakeCase(name), value);
            lookup.TryAdd(name, value);
        }
        return lookup;
    }
}
