using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Touchstone.Testing;
using Touchstone.Torch.NN;
using Touchstone.Torch.Serialization;

namespace Touchstone.Torch.Tests;

public sealed class SafeTensorsTests
{
    [Fact]
    public void Saved_file_follows_the_format_byte_for_byte()
    {
        using var scope = DisposeScope.Begin();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "t.safetensors");
        SafeTensors.Save(new Dictionary<string, Tensor>
        {
            ["w"] = Tensor.From(new float[,] { { 1, 2 }, { 3, 4 } }),
            ["i"] = Tensor.From([7L]),
        }, path, new Dictionary<string, string> { ["format"] = "pt" });

        var bytes = File.ReadAllBytes(path);
        var n = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, (8 + n) % 8);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, n));
        var w = header.RootElement.GetProperty("w");
        Assert.Equal("F32", w.GetProperty("dtype").GetString());
        Assert.Equal([2, 2], w.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([0, 16], w.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([16, 24], header.RootElement.GetProperty("i").GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("pt", header.RootElement.GetProperty("__metadata__").GetProperty("format").GetString());
        var data = bytes.AsSpan(8 + n);
        Assert.Equal(24, data.Length);
        Assert.Equal(3f, BinaryPrimitives.ReadSingleLittleEndian(data[8..]));
        Assert.Equal(7L, BinaryPrimitives.ReadInt64LittleEndian(data[16..]));
    }

    [Fact]
    public void A_hand_built_file_from_the_specification_loads()
    {
        using var scope = DisposeScope.Begin();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "spec.safetensors");
        var json = Encoding.UTF8.GetBytes("{\"b\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[8,11]},\"x\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]}}");
        var file = new byte[8 + json.Length + 11];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)json.Length);
        json.CopyTo(file, 8);
        BinaryPrimitives.WriteDoubleLittleEndian(file.AsSpan(8 + json.Length), -2.5);
        file[^3] = 1; file[^2] = 0; file[^1] = 1;
        File.WriteAllBytes(path, file);

        var loaded = SafeTensors.Load(path);
        Assert.Equal(["b", "x"], loaded.Keys);
        Assert.Equal(-2.5, loaded["x"].Item<double>());
        Assert.Empty(loaded["x"].Shape);
        Assert.Equal([true, false, true], loaded["b"].ToArray<bool>());
        Assert.Empty(SafeTensors.ReadMetadata(path));
    }

    [Fact]
    public void A_module_round_trips_through_a_checkpoint_with_metadata()
    {
        using var scope = DisposeScope.Begin();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "model.safetensors");
        using var a = new Sequential(new Linear(4, 8), new ReLU(), new LayerNorm(8), new Linear(8, 2));
        using var b = new Sequential(new Linear(4, 8), new ReLU(), new LayerNorm(8), new Linear(8, 2));
        SafeTensors.SaveStateDict(a, path, new Dictionary<string, string> { ["step"] = "42" });
        SafeTensors.LoadStateDict(b, path);
        var x = Tensor.Randn([3, 4]);
        Assert.True(a.Forward(x).AllClose(b.Forward(x), 0, 0));
        Assert.Equal("42", SafeTensors.ReadMetadata(path)["step"]);
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias", "3.weight", "3.bias"], SafeTensors.Load(path).Keys);
    }

    [Fact]
    public void A_truncated_file_gives_an_error_naming_the_file_and_the_cause()
    {
        using var scope = DisposeScope.Begin();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "cut.safetensors");
        SafeTensors.Save(new Dictionary<string, Tensor> { ["w"] = Tensor.Ones([100]) }, path);
        var whole = File.ReadAllBytes(path);

        File.WriteAllBytes(path, whole[..^10]);
        var ex = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("truncated", ex.Message);

        File.WriteAllBytes(path, whole[..20]);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path)).Message);
        File.WriteAllBytes(path, whole[..5]);
        Assert.Contains("fewer than the 8", Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path)).Message);
    }

    [Fact]
    public void A_foreign_file_gives_a_clear_error()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "model.pt");
        // The start of a PyTorch zip checkpoint.
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00]);
        var ex = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path));
        Assert.Contains("not a valid safetensors file", ex.Message);
        Assert.Contains("another format", ex.Message);

        File.WriteAllText(path, "\u0004\0\0\0\0\0\0\0[1,2]");
        Assert.Contains("does not start with '{'", Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path)).Message);
    }

    [Theory]
    [InlineData("{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1, "does not read")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4, "needs 8 bytes")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "gap or overlap")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8, "belong to no tensor")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]", 4, "not valid JSON")]
    public void Inconsistent_headers_are_rejected_with_the_reason(string json, int dataBytes, string reason)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bad.safetensors");
        var header = Encoding.UTF8.GetBytes(json);
        var file = new byte[8 + header.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)header.Length);
        header.CopyTo(file, 8);
        File.WriteAllBytes(path, file);
        Assert.Contains(reason, Assert.Throws<InvalidDataException>(() => SafeTensors.Load(path)).Message);
    }

    [Fact]
    public void Loading_into_a_module_of_another_shape_names_the_file_and_the_entry()
    {
        using var scope = DisposeScope.Begin();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "model.safetensors");
        using var small = new Linear(2, 3);
        using var large = new Linear(2, 4);
        SafeTensors.SaveStateDict(small, path);
        var ex = Assert.Throws<InvalidDataException>(() => SafeTensors.LoadStateDict(large, path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("'weight' has shape [3, 2]", ex.Message);
    }
}
