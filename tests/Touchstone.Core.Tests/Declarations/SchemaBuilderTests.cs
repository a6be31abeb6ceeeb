using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Touchstone.Core.Declarations;
using Touchstone.Core.Declarations.Schema;
using Touchstone.Core.Declarations.Yaml;

namespace Touchstone.Core.Tests.Declarations;

public sealed class SchemaBuilderTests
{
    public sealed record WithDefaults(int Steps = 10, string? Note = null)
    {
        public double Lr { get; init; } = 0.5;

        [JsonPropertyName("beta2")]
        public double SecondBeta { get; init; } = 0.999;

        public double Derived => Lr * 2;
    }

    public sealed record Unsupported(DateTime When);

    public sealed record Recursive(IReadOnlyList<Recursive> Children);

    public sealed record Nested(IReadOnlyList<IReadOnlyList<string>> Combinations, IReadOnlyList<int> Hidden);

    [Fact]
    public void Lists_are_described_with_the_head_noun_in_the_plural()
    {
        var schema = SchemaBuilder.ForRecord(typeof(Nested));

        Assert.Equal("a list of lists of strings", schema.Find("combinations")!.Schema.Describe());
        Assert.Equal("a list of integers", schema.Find("hidden")!.Schema.Describe());
    }

    [Fact]
    public void Defaults_come_from_constructor_parameters_and_property_initializers()
    {
        var schema = SchemaBuilder.ForRecord(typeof(WithDefaults));
        var errors = new List<Diagnostic>();

        var normal = new SchemaValidator(Locator.None, errors).Normalize(schema, new JsonObject(), "", null);

        Assert.Empty(errors);
        Assert.Equal("""{"steps":10,"note":null,"lr":0.5,"beta2":0.999}""", normal!.ToJsonString());
        Assert.Null(schema.Find("derived"));
    }

    [Fact]
    public void Unsupported_property_type_is_named_when_the_experiment_registers()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SchemaBuilder.ForRecord(typeof(Unsupported)));

        Assert.StartsWith("Config type Unsupported.When is DateTime, which a suite cannot declare.", e.Message);
    }

    [Fact]
    public void Self_containing_record_is_rejected()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SchemaBuilder.ForRecord(typeof(Recursive)));

        Assert.Equal("Config type Recursive contains itself; config records must form a tree.", e.Message);
    }

    [Fact]
    public void Non_nullable_value_given_null_is_an_error_and_nullable_one_is_not()
    {
        var errors = new List<Diagnostic>();
        var schema = SchemaBuilder.ForRecord(typeof(WithDefaults));

        new SchemaValidator(Locator.None, errors).Normalize(schema, JsonNode.Parse("""{"steps": null, "note": null}"""), "", null);

        var error = Assert.Single(errors);
        Assert.Equal("'steps' must be an integer, not null", error.Message);
    }

    [Fact]
    public void Integers_out_of_range_are_reported()
    {
        var errors = new List<Diagnostic>();

        new SchemaValidator(Locator.None, errors).Normalize(
            SchemaBuilder.ForRecord(typeof(WithDefaults)), JsonNode.Parse("""{"steps": 3000000000}"""), "", null);

        Assert.Equal("'steps' must be a 32-bit integer, and 3000000000 is out of range", Assert.Single(errors).Message);
    }
}
