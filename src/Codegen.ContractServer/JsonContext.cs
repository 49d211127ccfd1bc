using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Codegen.ContractServer;

[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(string))]
internal sealed partial class JsonContext : JsonSerializerContext;
