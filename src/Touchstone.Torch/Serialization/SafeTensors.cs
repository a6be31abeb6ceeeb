using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Touchstone.Torch.NN;

namespace Touchstone.Torch.Serialization;

/// <summary>Reads and writes safetensors files (an 8-byte little-endian header length, a JSON header giving each
/// tensor's dtype, shape and data_offsets plus optional string __metadata__, then the raw little-endian data), the
/// format PyTorch users open with <c>safetensors.torch.load_file</c>.</summary>
/// <example><code>
/// SafeTensors.SaveStateDict(model, "checkpoint.safetensors", new Dictionary&lt;string, string&gt; { ["step"] = "1000" });
/// SafeTensors.LoadStateDict(model, "checkpoint.safetensors");
/// </code></example>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";

    private static readonly (DType DType, string Name)[] DTypeNames =
    [
        (DType.Float64, "F64"), (DType.Float32, "F32"), (DType.Float16, "F16"), (DType.BFloat16, "BF16"),
        (DType.Int64, "I64"), (DType.Int32, "I32"), (DType.Int16, "I16"), (DType.Int8, "I8"), (DType.UInt8, "U8"),
        (DType.Bool, "BOOL"),
    ];

    /// <summary>Writes tensors (in the dictionary's order) and optional string metadata. The file is written to a
    /// temporary name and renamed, so an interrupted save never leaves a truncated checkpoint.</summary>
    public static void Save(IEnumerable<KeyValuePair<string, Tensor>> tensors, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("safetensors writing assumes a little-endian machine");
        }
        var entries = tensors.ToList();
        if (entries.Any(e => e.Key == MetadataKey))
        {
            throw new ArgumentException($"'{MetadataKey}' is reserved and cannot name a tensor");
        }
        var duplicate = entries.GroupBy(e => e.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
        {
            throw new ArgumentException($"tensor name '{duplicate.Key}' appears twice");
        }

        var data = entries.Select(e => e.Value.ToBytes()).ToList();
        var header = Header(entries, data, metadata);
        var temporary = path + ".tmp-" + Environment.ProcessId;
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            file.Write(length);
            file.Write(header);
            foreach (var bytes in data)
            {
                file.Write(bytes);
            }
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static byte[] Header(List<KeyValuePair<string, Tensor>> entries, List<byte[]> data, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata)
                {
                    json.WriteString(key, value);
                }
                json.WriteEndObject();
            }
            long offset = 0;
            for (var i = 0; i < entries.Count; i++)
            {
                var tensor = entries[i].Value;
                json.WriteStartObject(entries[i].Key);
                json.WriteString("dtype", DTypeNames.First(d => d.DType == tensor.DType).Name);
                json.WriteStartArray("shape");
                foreach (var size in tensor.Shape)
                {
                    json.WriteNumberValue(size);
                }
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset += data[i].Length);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        // Pad with spaces so that the data starts 8-byte aligned, as the reference implementation does.
        var padded = (int)((buffer.Length + 7) / 8 * 8);
        var header = new byte[padded];
        buffer.ToArray().CopyTo(header, 0);
        header.AsSpan((int)buffer.Length).Fill((byte)' ');
        return header;
    }

    /// <summary>Reads every tensor of a file, in file order, onto a device (CPU by default). The tensors belong to
    /// the current dispose scope.</summary>
    public static OrderedDictionary<string, Tensor> Load(string path, Device? device = null)
    {
        var file = Read(path, out var bytes);
        var result = new OrderedDictionary<string, Tensor>();
        try
        {
            foreach (var entry in file.Tensors)
            {
                var data = bytes.AsSpan((int)(file.DataStart + entry.Begin), (int)(entry.End - entry.Begin));
                result.Add(entry.Name, Tensor.FromBytes(data, entry.Shape, entry.DType, device ?? Device.Cpu));
            }
        }
        catch
        {
            foreach (var t in result.Values)
            {
                t.Dispose();
            }
            throw;
        }
        return result;
    }

    /// <summary>The file's __metadata__ (empty when it has none).</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path) => Read(path, out _).Metadata;

    /// <summary>Saves a module's state dict (parameters and buffers by dotted name).</summary>
    public static void SaveStateDict(Module module, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var scope = DisposeScope.Begin();
        Save(module.StateDict(), path, metadata);
    }

    /// <summary>Loads a state dict saved by <see cref="SaveStateDict"/> (or by PyTorch's save_file) into a module,
    /// as module.load_state_dict(load_file(path), strict).</summary>
    public static void LoadStateDict(Module module, string path, bool strict = true)
    {
        using var scope = DisposeScope.Begin();
        var state = Load(path);
        try
        {
            module.LoadStateDict(state, strict);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private sealed record Entry(string Name, DType DType, long[] Shape, long Begin, long End);

    private sealed record Parsed(IReadOnlyList<Entry> Tensors, IReadOnlyDictionary<string, string> Metadata, long DataStart);

    private static Parsed Read(string path, out byte[] bytes)
    {
        bytes = File.ReadAllBytes(path);
        InvalidDataException Bad(string message) => new($"{path} is not a valid safetensors file: {message}");
        if (bytes.Length < 8)
        {
            throw Bad($"it has {bytes.Length} bytes, fewer than the 8 of the header length (truncated?)");
        }
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
        {
            throw Bad($"its header length field says {headerLength} bytes but only {bytes.Length - 8} follow " +
                      "(a truncated file, or another format such as a PyTorch .pt pickle)");
        }
        var header = bytes.AsSpan(8, (int)headerLength);
        if (header.Length == 0 || header[0] != (byte)'{')
        {
            throw Bad("the header does not start with '{' (another format?)");
        }
        var dataStart = 8 + (long)headerLength;
        var dataLength = bytes.Length - dataStart;

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Encoding.UTF8.GetString(header).TrimEnd(' '));
        }
        catch (JsonException e)
        {
            throw Bad($"the header is not valid JSON ({e.Message})");
        }
        using var _ = document;
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw Bad("the header is not a JSON object");
        }

        var metadata = new Dictionary<string, string>();
        var entries = new List<Entry>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name == MetadataKey)
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    throw Bad("__metadata__ is not an object");
                }
                foreach (var m in property.Value.EnumerateObject())
                {
                    metadata[m.Name] = m.Value.ValueKind == JsonValueKind.String ? m.Value.GetString()! : throw Bad($"metadata '{m.Name}' is not a string");
                }
                continue;
            }
            entries.Add(ParseEntry(property, Bad));
        }
        if (entries.Select(e => e.Name).Distinct().Count() != entries.Count)
        {
            throw Bad("a tensor name appears twice");
        }

        // The data of the tensors must tile the data section exactly: no gaps, no overlaps, nothing beyond it.
        long expected = 0;
        foreach (var entry in entries.OrderBy(e => e.Begin))
        {
            if (entry.Begin != expected)
            {
                throw Bad($"tensor '{entry.Name}' starts at byte {entry.Begin} of the data, expected {expected} (gap or overlap)");
            }
            expected = entry.End;
        }
        if (expected > dataLength)
        {
            throw Bad($"the tensors need {expected} bytes of data but the file holds {dataLength} after its header (truncated?)");
        }
        if (expected < dataLength)
        {
            throw Bad($"{dataLength - expected} bytes after the last tensor belong to no tensor");
        }
        return new Parsed(entries, metadata, dataStart);
    }

    private static Entry ParseEntry(JsonProperty property, Func<string, InvalidDataException> bad)
    {
        var name = property.Name;
        var value = property.Value;
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw bad($"entry '{name}' is not an object");
        }
        if (!value.TryGetProperty("dtype", out var dtypeText) || dtypeText.ValueKind != JsonValueKind.String)
        {
            throw bad($"tensor '{name}' has no dtype");
        }
        var dtypeName = dtypeText.GetString();
        var match = DTypeNames.FirstOrDefault(d => d.Name == dtypeName);
        if (match.Name is null)
        {
            throw bad($"tensor '{name}' has dtype {dtypeName}, which Touchstone.Torch does not read (it reads {string.Join(", ", DTypeNames.Select(d => d.Name))})");
        }
        var shape = Integers(value, "shape", name, bad);
        var offsets = Integers(value, "data_offsets", name, bad);
        if (offsets.Length != 2 || offsets[0] > offsets[1])
        {
            throw bad($"tensor '{name}' has data_offsets [{string.Join(", ", offsets)}], not [begin, end]");
        }
        var needed = shape.Aggregate(1L, (a, b) => a * b) * match.DType.ElementSize();
        if (offsets[1] - offsets[0] != needed)
        {
            throw bad($"tensor '{name}' of shape [{string.Join(", ", shape)}] and dtype {dtypeName} needs {needed} bytes but its data_offsets span {offsets[1] - offsets[0]}");
        }
        return new Entry(name, match.DType, shape, offsets[0], offsets[1]);
    }

    private static long[] Integers(JsonElement entry, string key, string name, Func<string, InvalidDataException> bad)
    {
        if (!entry.TryGetProperty(key, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw bad($"tensor '{name}' has no {key} array");
        }
        return array.EnumerateArray().Select(v => v.TryGetInt64(out var n) && n >= 0 ? n : throw bad($"tensor '{name}' has a {key} entry that is not a non-negative integer")).ToArray();
    }
}
