using Codegen.Contracts.Reading;
using ContractInput = Codegen.Contracts.Reading.ContractInput;

namespace Codegen.Contracts.Tests;

/// <summary>
/// A selection reads only the component schemas its operations reach (<see cref="ContractDocument.LoadSkippingSchemas"/>);
/// the result must be exactly that of reading the whole document: the same model, the same diagnostics at the same places.
/// </summary>
public sealed class SelectionReadingTests
{
    private const string Document = """
        openapi: 3.1.0
        info:
          title: Pets
          version: "1"
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PetList'
          /owners:
            post:
              operationId: createOwner
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/Owner"
              responses:
                "201":
                  description: Created
        components:
          schemas:
            PetList:
              type: object
              properties:
                data:
                  type: array
                  items:
                    $ref: '#/components/schemas/Pet'
            Pet:
              type: object
              required: [name]
              properties:
                name: {type: string, minLength: 1}
                kind:
                  $ref: '#/components/schemas/Kind'
            Kind:
              type: string
              enum: [cat, dog]
            Owner:
              type: object
              properties:
                name:
                  type: string
                  maxLength: 3
                  minLength: 5
            Inline: {type: string}
        """;

    [Theory]
    [InlineData("listPets", null)]
    [InlineData("createOwner", null)]
    [InlineData(null, "pets")]
    public void Reading_the_reached_schemas_gives_what_reading_everything_gives(string? operations, string? tags)
    {
        var input = new ContractInput("pets.yaml", Document) { Selection = OperationSelection.From(operations, tags, null) };
        var selected = ContractParser.Parse(input);
        Assert.Equal(ContractParser.ParseWhole(input), selected);
        // Owner's bounds leave no valid name: an error, at the same place in both readings.
        Assert.Equal(operations != "createOwner", selected.Contract is not null);
    }

    [Fact]
    public void Only_the_reached_schemas_are_read()
    {
        var document = ContractDocument.LoadSkippingSchemas("pets.yaml", Document);
        Assert.True(document.IsPartial);
        Assert.Equal(["Inline"], document.Find("/components/schemas")!.Members.Select(m => m.Key));

        var completed = document.WithSchemasFor(["/paths/~1pets/get/responses/200/content/application~1json/schema"])!;
        Assert.Equal(["PetList", "Pet", "Kind", "Inline"], completed.Find("/components/schemas")!.Members.Select(m => m.Key));
        var whole = ContractDocument.Load("pets.yaml", Document);
        Assert.Equal(whole.Find("/components/schemas/Pet"), completed.Find("/components/schemas/Pet"));
        Assert.Equal(whole.SpanOf("/components/schemas/Kind/enum/1"), completed.SpanOf("/components/schemas/Kind/enum/1"));
    }

    [Theory]
    [InlineData("$ref: 'other.yaml#/Kind'")]
    [InlineData("$dynamicRef: '#node'")]
    public void A_reference_that_is_not_a_pointer_reads_the_whole_document(string reference)
    {
        var text = Document.Replace("$ref: '#/components/schemas/Kind'", reference);
        var document = ContractDocument.LoadSkippingSchemas("pets.yaml", text);
        Assert.Null(document.WithSchemasFor(["/components/schemas/Pet"]));

        var input = new ContractInput("pets.yaml", text) { Selection = OperationSelection.From("listPets", null, null) };
        Assert.Equal(ContractParser.ParseWhole(input), ContractParser.Parse(input));
    }

    [SharedContractFact("openai-openapi/openapi.yaml")]
    public void OpenAIs_chat_completions_read_alone_are_read_as_in_the_whole_document()
    {
        var input = new ContractInput("openapi.yaml", File.ReadAllText(RepoPaths.SharedContract("openai-openapi/openapi.yaml")))
        {
            Selection = OperationSelection.From("createChatCompletion;createEmbedding", "Models", null),
        };
        Assert.Equal(ContractParser.ParseWhole(input), ContractParser.Parse(input));
    }
}
