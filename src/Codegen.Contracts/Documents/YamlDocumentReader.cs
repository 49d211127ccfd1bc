using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Codegen.Runtime;
using SharpYaml;
using SharpYaml.Events;

namespace Codegen.Contracts.Documents;

/// <summary>
/// Reads a YAML document into JSON values, recording positions as the JSON reader does, so that a YAML
/// contract gets the same model and the same diagnostics at its own lines. Scalars are typed by the
/// YAML 1.2 core schema (what OpenAPI documents are written in): <c>true</c>, <c>null</c>, <c>~</c>,
/// numbers, everything else a string; quoted scalars are always strings; mapping keys are strings.
/// </summary>
/// <remarks>SharpYaml 2.1.5 is the parser: it reads OpenAI's document, which YamlDotNet 18 refuses, and depends on nothing.</remarks>
internal sealed class YamlDocumentReader
{
    private const int MaxDepth = CodegenJsonParser.MaxDepth;

    private readonly string _text;
    private readonly CodegenJsonPositions _positions;
    private readonly IParser _parser;
    private readonly Dictionary<string, CodegenJson> _anchors = new(StringComparer.Ordinal);
    private int _depth;

    private YamlDocumentReader(string text, CodegenJsonPositions positions)
    {
        _text = text;
        _positions = positions;
        // SharpYaml reads the end of the text as a NUL line break in a final block scalar; a closing newline avoids it
        // and moves no position.
        _parser = Parser.CreateParser(new StringReader(text.EndsWith("\n", StringComparison.Ordinal) ? text : text + "\n"));
        positions.SetText(text);
    }

    /// <exception cref="ContractDocumentException">The text is not YAML, holds more than one document, or has a value JSON cannot hold.</exception>
    public static CodegenJson Read(string text, CodegenJsonPositions positions)
    {
        var reader = new YamlDocumentReader(text, positions);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException ex)
        {
            throw new ContractDocumentException("The contract is not valid YAML: " + Clean(ex.Message), Math.Max(0, ex.Start.Line), Math.Max(0, ex.Start.Column));
        }
    }

    private CodegenJson ReadStream()
    {
        Expect<StreamStart>();
        Next();
        if (_parser.Current is StreamEnd)
        {
            throw new ContractDocumentException("The YAML text holds no document.", 0, 0);
        }

        Expect<DocumentStart>();
        Next();
        var root = ReadNode(-1, -1);
        Next();
        Expect<DocumentEnd>();
        Next();
        if (_parser.Current is DocumentStart extra)
        {
            throw Error("The YAML text holds more than one document; a contract is one document.", extra.Start);
        }

        return root;
    }

    private CodegenJson ReadNode(int nameStart, int nameEnd)
    {
        var current = _parser.Current;
        switch (current)
        {
            case Scalar scalar:
                var value = ReadScalar(scalar);
                Remember(scalar.Anchor, value);
                _positions.Record(value, scalar.Start.Index, scalar.End.Index, nameStart, nameEnd);
                return value;
            case AnchorAlias alias:
                if (!_anchors.TryGetValue(alias.Value, out var target))
                {
                    throw Error("The alias '*" + alias.Value + "' refers to no anchor defined before it.", alias.Start);
                }

                return target;
            case SequenceStart sequence:
                return ReadSequence(sequence, nameStart, nameEnd);
            case MappingStart mapping:
                return ReadMapping(mapping, nameStart, nameEnd);
            default:
                throw Error("Unexpected YAML " + current?.GetType().Name + ".", current?.Start ?? default);
        }
    }

    private CodegenJson ReadSequence(SequenceStart start, int nameStart, int nameEnd)
    {
        Enter(start.Start);
        var items = new List<CodegenJson>();
        Next();
        while (_parser.Current is not SequenceEnd)
        {
            items.Add(ReadNode(-1, -1));
            Next();
        }

        _depth--;
        var value = CodegenJson.NewArray(items.ToArray());
        Remember(start.Anchor, value);
        _positions.Record(value, start.Start.Index, _parser.Current!.End.Index, nameStart, nameEnd);
        return value;
    }

    private CodegenJson ReadMapping(MappingStart start, int nameStart, int nameEnd)
    {
        Enter(start.Start);
        var members = new List<KeyValuePair<string, CodegenJson>>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var merged = new List<CodegenJson>();
        Next();
        while (_parser.Current is not MappingEnd)
        {
            if (_parser.Current is not Scalar key)
            {
                throw Error("A mapping key must be a plain value; JSON object names are strings.", _parser.Current!.Start);
            }

            Next();
            if (key.Value == "<<" && key.Style == ScalarStyle.Plain)
            {
                // YAML's merge key: the members of the referenced mappings, where this mapping does not set them.
                var source = ReadNode(-1, -1);
                merged.AddRange(source.Kind == CodegenJsonKind.Array ? source.Items : new[] { source });
                Next();
                continue;
            }

            if (names.ContainsKey(key.Value))
            {
                throw Error("The key '" + JsonPointer.Excerpt(key.Value) + "' appears twice in the same mapping.", key.Start);
            }

            names[key.Value] = members.Count;
            members.Add(new KeyValuePair<string, CodegenJson>(key.Value, ReadNode(key.Start.Index, key.End.Index)));
            Next();
        }

        foreach (var source in merged)
        {
            if (source.Kind != CodegenJsonKind.Object)
            {
                throw Error("A merge key ('<<') must refer to a mapping.", start.Start);
            }

            foreach (var member in source.Members)
            {
                if (!names.ContainsKey(member.Key))
                {
                    names[member.Key] = members.Count;
                    members.Add(member);
                }
            }
        }

        _depth--;
        var value = CodegenJson.NewObject(members.ToArray());
        Remember(start.Anchor, value);
        _positions.Record(value, start.Start.Index, _parser.Current!.End.Index, nameStart, nameEnd);
        return value;
    }

    private CodegenJson ReadScalar(Scalar scalar)
    {
        var text = scalar.Value;
        var tag = scalar.Tag;
        if (tag is "tag:yaml.org,2002:str" or "!!str" || scalar.Style != ScalarStyle.Plain)
        {
            return CodegenJson.NewString(text);
        }

        return PlainValue(text) ?? throw Error("The YAML value '" + text + "' has no JSON equivalent; quote it if it is a string.", scalar.Start);
    }

    /// <summary>A plain scalar's value by the YAML 1.2 core schema; null for the infinities and NaN, which JSON cannot hold.</summary>
    internal static CodegenJson? PlainValue(string text)
    {
        switch (text)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                return CodegenJson.NewLiteral(CodegenJsonKind.Null);
            case "true":
            case "True":
            case "TRUE":
                return CodegenJson.NewLiteral(CodegenJsonKind.True);
            case "false":
            case "False":
            case "FALSE":
                return CodegenJson.NewLiteral(CodegenJsonKind.False);
        }

        if (TryReadNumber(text, out var number))
        {
            return CodegenJson.FromNumber(number);
        }

        var lower = text.ToLowerInvariant();
        if (lower is ".inf" or "+.inf" or "-.inf" or ".nan")
        {
            return null;
        }

        return CodegenJson.NewString(text);
    }

    /// <summary>YAML 1.2 core schema numbers: decimal, 0o octal, 0x hexadecimal, floats with optional fraction or exponent.</summary>
    private static bool TryReadNumber(string text, out CodegenNumber number)
    {
        number = default;
        if (text.Length == 0 || !(char.IsDigit(text[0]) || text[0] is '-' or '+' or '.'))
        {
            return false;
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length > 2)
        {
            return long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) && Set(hex, out number);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2)
        {
            long octal = 0;
            foreach (var c in text.Substring(2))
            {
                if (c is < '0' or > '7' || octal > long.MaxValue / 8)
                {
                    return false;
                }

                octal = (octal * 8) + (c - '0');
            }

            return Set(octal, out number);
        }

        // JSON's grammar is stricter than YAML's (".5", "1.", "+1"): normalise those before reading exactly.
        var normalized = text;
        if (normalized.StartsWith("+", StringComparison.Ordinal))
        {
            normalized = normalized.Substring(1);
        }

        var sign = normalized.StartsWith("-", StringComparison.Ordinal) ? "-" : string.Empty;
        var body = normalized.Substring(sign.Length);
        if (body.StartsWith(".", StringComparison.Ordinal))
        {
            body = "0" + body;
        }

        body = body.Replace(".e", ".0e").Replace(".E", ".0E");
        if (body.EndsWith(".", StringComparison.Ordinal))
        {
            body += "0";
        }

        var candidate = sign + body;
        return CodegenNumber.TryParse(candidate, 0, candidate.Length, out number);
    }

    private static bool Set(long value, out CodegenNumber number)
    {
        number = CodegenNumber.FromInt64(value);
        return true;
    }

    private void Remember(string? anchor, CodegenJson value)
    {
        if (!string.IsNullOrEmpty(anchor))
        {
            _anchors[anchor!] = value;
        }
    }

    private void Enter(Mark at)
    {
        if (++_depth > MaxDepth)
        {
            throw Error("The YAML nests deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels.", at);
        }
    }

    private void Next()
    {
        if (!_parser.MoveNext())
        {
            throw new ContractDocumentException("The YAML text ends unexpectedly.", 0, 0);
        }
    }

    private void Expect<T>()
        where T : ParsingEvent
    {
        if (_parser.Current is not T)
        {
            Next();
            if (_parser.Current is not T)
            {
                throw Error("Unexpected YAML " + _parser.Current?.GetType().Name + ".", _parser.Current?.Start ?? default);
            }
        }
    }

    private ContractDocumentException Error(string message, Mark at)
    {
        var (line, column) = _positions.LineAndColumn(Math.Min(Math.Max(0, at.Index), _text.Length));
        return new ContractDocumentException(message, line, column);
    }

    private static string Clean(string message)
    {
        // SharpYaml prefixes "(Lin: 3, Col: 5, Chr: 40) - (...): "; the diagnostic carries the position itself.
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(index + 3) : message;
    }
}
