namespace Touchstone.Tracking.Tests.Fakes;

/// <summary>An error the fake server answers with, in MLflow's JSON error format.</summary>
internal sealed class ApiError(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static ApiError Invalid(string message) => new(400, "INVALID_PARAMETER_VALUE", message);

    public static ApiError NotFound(string message) => new(404, "RESOURCE_DOES_NOT_EXIST", message);
}
