using System.Text.Json;
using System.Text.Json.Serialization;

namespace Touchstone.Tracking.Rest;

/// <summary>
/// JSON settings for MLflow's REST API: snake_case names, absent fields for nulls, and NaN/±Infinity as the
/// strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>, which is how the server sends and accepts them.
/// </summary>
public static class MlflowJson
{
    /// <summary>The shared serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString,
    };
}
