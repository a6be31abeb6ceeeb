using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Touchstone.Core.Results;

/// <summary>
/// JSON settings of the files a run writes (manifest.json, cell.json): snake_case keys and enum values, indented,
/// minimal escaping, so the files read well and match the Parquet column names.
/// </summary>
public static class ResultsJson
{
    /// <summary>The shared settings.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
