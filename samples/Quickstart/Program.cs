using System.Text.Json;
using ModelsLab.Completions;

var request = CompletionRequest.CreateBuilder("Write a tagline for an ice cream shop.")
    .WithMaxTokens(64)
    .WithTemperature(0.7)
    .Build();
Console.WriteLine(JsonSerializer.Serialize(request, ModelsLabJsonContext.Default.CompletionRequest));
var bad = request with { Temperature = 3 };
foreach (var v in bad.Validate()) Console.WriteLine(v);
