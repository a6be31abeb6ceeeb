namespace Touchstone.Parquet.Format;

/// <summary>Checks that a struct read from the metadata had the fields parquet.thrift marks required.</summary>
internal static class Required
{
    public static T Field<T>(T? value, string structName, string field)
        where T : struct =>
        value ?? throw new ParquetFormatException($"{structName}.{field} is missing; the metadata is corrupt");

    public static T Field<T>(T? value, string structName, string field)
        where T : class =>
        value ?? throw new ParquetFormatException($"{structName}.{field} is missing; the metadata is corrupt");
}
