using System;
using System.Collections.Generic;
using System.Text;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;

namespace Codegen.Contracts.Evolution;

// Operations, parameters, bodies, responses, streaming, servers and security: what the models say about HTTP.
internal sealed partial class EvolutionWalk
{
    private void CompareOperations()
    {
        var unmatchedNew = new List<OperationSpec>();
        var newByAddress = new Dictionary<string, OperationSpec>(StringComparer.Ordinal);
        foreach (var operation in _new.Contract.Operations)
        {
            newByAddress[Address(operation)] = operation;
        }

        var matchedNew = new HashSet<OperationSpec>();
        var unmatchedOld = new List<OperationSpec>();
        foreach (var oldOperation in _old.Contract.Operations)
        {
            if (newByAddress.TryGetValue(Address(oldOperation), out var newOperation) && matchedNew.Add(newOperation))
            {
                CompareOperation(oldOperation, newOperation);
            }
            else
            {
                unmatchedOld.Add(oldOperation);
            }
        }

        foreach (var operation in _new.Contract.Operations)
        {
            if (!matchedNew.Contains(operation))
            {
                unmatchedNew.Add(operation);
            }
        }

        // An operation that kept its id (or name) but not its address moved.
        foreach (var oldOperation in unmatchedOld)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var moved = unmatchedNew.Find(n => Identity(n) == Identity(oldOperation));
            if (moved is not null)
            {
                unmatchedNew.Remove(moved);
                Report(ChangeRules.OperationMoved, DataDirection.Sent, Code(oldOperation.Name),
                    $"moved from {oldOperation.Method} {oldOperation.Path} to {moved.Method} {moved.Path}",
                    _old.OperationPointer(oldOperation), _new.OperationPointer(moved), One(MethodOf(_new, moved)), showDirection: false);
                CompareOperation(oldOperation, moved);
                continue;
            }

            Report(ChangeRules.OperationRemoved, DataDirection.Sent, Code(oldOperation.Name), $"{oldOperation.Method} {oldOperation.Path} was removed",
                _old.OperationPointer(oldOperation), null, One(MethodOf(_old, oldOperation)), newAnchor: _new.IsOpenApi ? "/paths" : "/x-codegen/operations", showDirection: false);
        }

        foreach (var added in unmatchedNew)
        {
            Report(ChangeRules.OperationAdded, DataDirection.Sent, Code(added.Name), $"{added.Method} {added.Path} was added",
                null, _new.OperationPointer(added), One(MethodOf(_new, added)), oldAnchor: _old.IsOpenApi ? "/paths" : "/x-codegen/operations", showDirection: false);
        }
    }

    /// <summary>Method and path with parameter names left out: renaming <c>{id}</c> to <c>{model}</c> keeps the address.</summary>
    private static string Address(OperationSpec operation)
    {
        var path = new StringBuilder(operation.Method).Append(' ');
        var inParameter = false;
        foreach (var c in operation.Path)
        {
            if (c == '{')
            {
                inParameter = true;
                path.Append("{}");
            }
            else if (c == '}')
            {
                inParameter = false;
            }
            else if (!inParameter)
            {
                path.Append(c);
            }
        }

        return path.ToString();
    }

    private static string Identity(OperationSpec operation) => operation.OperationId ?? operation.Name;

    private static string MethodOf(ContractSnapshot side, OperationSpec operation) => side.ClientName + "." + operation.Name + "Async";

    private void CompareOperation(OperationSpec oldOperation, OperationSpec newOperation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var oldPointer = _old.OperationPointer(oldOperation);
        var newPointer = _new.OperationPointer(newOperation);
        var method = MethodOf(_new, newOperation);
        if (oldOperation.Name != newOperation.Name)
        {
            Report(ChangeRules.OperationRenamed, DataDirection.Sent, Code(oldOperation.Name), $"renamed to {Code(newOperation.Name)}",
                oldPointer, newPointer, new[] { MethodOf(_old, oldOperation), method }, showDirection: false);
        }

        CompareParameters(oldOperation, newOperation, oldPointer, newPointer);
        CompareBody(oldOperation, newOperation, oldPointer, newPointer, method);
        CompareResponses(oldOperation, newOperation, oldPointer, newPointer, method);
        CompareStream(oldOperation, newOperation, oldPointer, newPointer, method);
        CompareSecurity(oldOperation, newOperation, oldPointer, newPointer, method);
    }

    private void CompareBody(OperationSpec oldOperation, OperationSpec newOperation, string oldOperationPointer, string newOperationPointer, string method)
    {
        var where = $"the request body of {Code(newOperation.Name)}";
        var oldBody = oldOperation.Body;
        var newBody = newOperation.Body;
        if (oldBody is null && newBody is null)
        {
            return;
        }

        if (oldBody is null)
        {
            if (newBody!.IsRequired)
            {
                Report(ChangeRules.RequestBodyRequired, DataDirection.Sent, where, "a required request body was added", null, newBody.SchemaPointer ?? newOperationPointer,
                    One(method), oldAnchor: oldOperationPointer, showDirection: false);
            }

            return;
        }

        if (newBody is null)
        {
            Report(ChangeRules.RequestBodyRemoved, DataDirection.Sent, where, "the request body was removed", oldBody.SchemaPointer ?? oldOperationPointer, null,
                One(method), newAnchor: newOperationPointer, showDirection: false);
            return;
        }

        if (!oldBody.IsRequired && newBody.IsRequired)
        {
            Report(ChangeRules.RequestBodyRequired, DataDirection.Sent, where, "the request body became required", oldBody.SchemaPointer ?? oldOperationPointer,
                newBody.SchemaPointer ?? newOperationPointer, One(method), showDirection: false);
        }

        if (!string.Equals(oldBody.MediaType, newBody.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            Report(ChangeRules.MediaTypeChanged, DataDirection.Sent, where, $"the media type changed from {oldBody.MediaType} to {newBody.MediaType}",
                oldBody.SchemaPointer ?? oldOperationPointer, newBody.SchemaPointer ?? newOperationPointer, One(method), showDirection: false);
            return;
        }

        CompareValues(new ValueSite(oldBody.Type, newBody.Type, oldBody.SchemaPointer, newBody.SchemaPointer, DataDirection.Sent, where, One(method)));
    }

    private void CompareResponses(OperationSpec oldOperation, OperationSpec newOperation, string oldOperationPointer, string newOperationPointer, string method)
    {
        var oldByStatus = ByStatus(oldOperation.Responses);
        var newByStatus = ByStatus(newOperation.Responses);
        foreach (var pair in oldByStatus)
        {
            var status = pair.Key;
            var oldPointer = JsonPointer.Append(JsonPointer.Append(oldOperationPointer, "responses"), status);
            var where = $"response {status} of {Code(newOperation.Name)}";
            var isSuccess = pair.Value[0].IsSuccess;
            if (!newByStatus.TryGetValue(status, out var newResponses))
            {
                Report(isSuccess ? ChangeRules.SuccessStatusRemoved : ChangeRules.ErrorStatusRemoved, DataDirection.Received, where,
                    "the response was removed", oldPointer, null, One(method), newAnchor: newOperationPointer, showDirection: false);
                continue;
            }

            var newPointer = JsonPointer.Append(JsonPointer.Append(newOperationPointer, "responses"), status);
            if (HasBody(pair.Value) && !HasBody(newResponses) && isSuccess)
            {
                Report(ChangeRules.ResponseBodyRemoved, DataDirection.Received, where, "the response no longer has a body", oldPointer, newPointer,
                    One(method), showDirection: false);
                continue;
            }

            // Each media type of the old response: still there (compare its schema), or gone (old clients may ask for it or expect it).
            foreach (var oldResponse in pair.Value)
            {
                if (oldResponse.Type is not { } oldType)
                {
                    continue;
                }

                var newResponse = WithMediaType(newResponses, oldResponse.MediaType);
                if (newResponse is null)
                {
                    var replacement = newResponses.Find(r => r.Type is not null);
                    if (replacement is not null && isSuccess)
                    {
                        Report(ChangeRules.MediaTypeChanged, DataDirection.Received, where,
                            $"the media type {oldResponse.MediaType} was replaced by {replacement.MediaType}", oldResponse.SchemaPointer ?? oldPointer,
                            replacement.SchemaPointer ?? newPointer, One(method), showDirection: false);
                    }

                    continue;
                }

                if (newResponse.Type is { } newType)
                {
                    CompareValues(new ValueSite(oldType, newType, oldResponse.SchemaPointer, newResponse.SchemaPointer, DataDirection.Received, where, One(method)));
                }
            }
        }

        foreach (var pair in newByStatus)
        {
            if (!oldByStatus.ContainsKey(pair.Key))
            {
                Report(pair.Value[0].IsSuccess ? ChangeRules.SuccessStatusAdded : ChangeRules.ErrorStatusAdded, DataDirection.Received,
                    $"response {pair.Key} of {Code(newOperation.Name)}", "the response was added", null,
                    JsonPointer.Append(JsonPointer.Append(newOperationPointer, "responses"), pair.Key), One(method), oldAnchor: oldOperationPointer, showDirection: false);
            }
        }
    }

    private static Dictionary<string, List<ResponseSpec>> ByStatus(EquatableArray<ResponseSpec> responses)
    {
        var byStatus = new Dictionary<string, List<ResponseSpec>>(StringComparer.Ordinal);
        foreach (var response in responses)
        {
            if (!byStatus.TryGetValue(response.Status, out var list))
            {
                byStatus[response.Status] = list = new List<ResponseSpec>();
            }

            list.Add(response);
        }

        return byStatus;
    }

    private static bool HasBody(List<ResponseSpec> responses) => responses.Exists(r => r.Type is not null);

    private static ResponseSpec? WithMediaType(List<ResponseSpec> responses, string? mediaType) =>
        responses.Find(r => string.Equals(r.MediaType, mediaType, StringComparison.OrdinalIgnoreCase));

    private void CompareStream(OperationSpec oldOperation, OperationSpec newOperation, string oldOperationPointer, string newOperationPointer, string method)
    {
        var streaming = _new.ClientName + "." + newOperation.Name + "StreamingAsync";
        var where = $"the stream of {Code(newOperation.Name)}";
        if (oldOperation.Stream is { } oldStream && newOperation.Stream is null)
        {
            Report(ChangeRules.StreamingRemoved, DataDirection.Received, where, "the operation no longer streams", oldStream.EventSchemaPointer ?? oldOperationPointer, null,
                One(_old.ClientName + "." + oldOperation.Name + "StreamingAsync"), newAnchor: newOperationPointer, showDirection: false);
            return;
        }

        if (oldOperation.Stream is null && newOperation.Stream is { } addedStream)
        {
            Report(ChangeRules.StreamingAdded, DataDirection.Received, where, "the operation streams", null, addedStream.EventSchemaPointer ?? newOperationPointer,
                One(streaming), oldAnchor: oldOperationPointer, showDirection: false);
            return;
        }

        if (oldOperation.Stream is not { } before || newOperation.Stream is not { } after)
        {
            return;
        }

        if (before.FlagJsonName != after.FlagJsonName)
        {
            Report(ChangeRules.StreamChanged, DataDirection.Sent, where, $"the request flag changed from {Quote(before.FlagJsonName)} to {Quote(after.FlagJsonName)}",
                oldOperationPointer, newOperationPointer, One(streaming), showDirection: false);
        }

        if (before.DoneSentinel != after.DoneSentinel)
        {
            Report(ChangeRules.StreamChanged, DataDirection.Received, where, $"the end marker changed from {Quote(before.DoneSentinel)} to {Quote(after.DoneSentinel)}",
                oldOperationPointer, newOperationPointer, One(streaming), showDirection: false);
        }

        CompareValues(new ValueSite(before.EventType, after.EventType, before.EventSchemaPointer, after.EventSchemaPointer, DataDirection.Received, where + "'s events", One(streaming)));
    }

    private static string Quote(string? text) => text is null ? "none" : "'" + text + "'";

    private void CompareSecurity(OperationSpec oldOperation, OperationSpec newOperation, string oldOperationPointer, string newOperationPointer, string method)
    {
        var before = oldOperation.HasOwnSecurity ? oldOperation.Security : _old.Contract.DefaultSecurity;
        var after = newOperation.HasOwnSecurity ? newOperation.Security : _new.Contract.DefaultSecurity;
        if (SameSet(before, after))
        {
            return;
        }

        var where = $"the security of {Code(newOperation.Name)}";
        var what = $"the accepted schemes changed from {Names(before)} to {Names(after)}";
        var kept = false;
        foreach (var scheme in before)
        {
            kept |= Contains(after, scheme);
        }

        var tightened = after.Count > 0 && (before.Count == 0 || !kept);
        Report(tightened ? ChangeRules.SecurityTightened : ChangeRules.SecurityLoosened, DataDirection.Sent, where, what,
            oldOperationPointer, newOperationPointer, One(method), showDirection: false);
    }

    private void CompareSecuritySchemes()
    {
        foreach (var oldScheme in _old.Contract.SecuritySchemes)
        {
            foreach (var newScheme in _new.Contract.SecuritySchemes)
            {
                if (oldScheme.Name == newScheme.Name && (oldScheme.Kind != newScheme.Kind || oldScheme.ParameterName != newScheme.ParameterName))
                {
                    Report(ChangeRules.SecuritySchemeChanged, DataDirection.Sent, $"the security scheme {Code(newScheme.Name)}",
                        $"changed from {Describe(oldScheme)} to {Describe(newScheme)}", _old.SecurityPointer(oldScheme.Name), _new.SecurityPointer(newScheme.Name),
                        One(_new.ClientName + "Options"), showDirection: false);
                }
            }
        }
    }

    private static string Describe(SecuritySchemeSpec scheme) => scheme.ParameterName is { } name ? $"{scheme.Kind} '{name}'" : scheme.Kind.ToString();

    private void CompareServers()
    {
        var oldDefault = DefaultServer(_old.Contract.Servers);
        var newDefault = DefaultServer(_new.Contract.Servers);
        var members = One(_new.ClientName + "Options.BaseAddress");
        if (oldDefault is not null && newDefault is not null && oldDefault.Url != newDefault.Url)
        {
            Report(ChangeRules.DefaultServerChanged, DataDirection.Sent, "the default server", $"changed from {oldDefault.Url} to {newDefault.Url}",
                _old.ServersPointer, _new.ServersPointer, members, showDirection: false);
        }

        foreach (var server in _old.Contract.Servers)
        {
            if (!HasServer(_new.Contract.Servers, server.Url))
            {
                Report(ChangeRules.ServerRemoved, DataDirection.Sent, "the servers", $"{server.Url} was removed", _old.ServersPointer, null, members,
                    newAnchor: _new.ServersPointer, showDirection: false);
            }
        }

        foreach (var server in _new.Contract.Servers)
        {
            if (!HasServer(_old.Contract.Servers, server.Url))
            {
                Report(ChangeRules.ServerAdded, DataDirection.Sent, "the servers", $"{server.Url} was added", null, _new.ServersPointer, members,
                    oldAnchor: _old.ServersPointer, showDirection: false);
            }
        }
    }

    private static ServerSpec? DefaultServer(EquatableArray<ServerSpec> servers)
    {
        foreach (var server in servers)
        {
            if (server.IsDefault)
            {
                return server;
            }
        }

        return servers.Count > 0 ? servers[0] : null;
    }

    private static bool HasServer(EquatableArray<ServerSpec> servers, string url)
    {
        foreach (var server in servers)
        {
            if (server.Url == url)
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameSet(EquatableArray<string> a, EquatableArray<string> b)
    {
        foreach (var item in a)
        {
            if (!Contains(b, item))
            {
                return false;
            }
        }

        foreach (var item in b)
        {
            if (!Contains(a, item))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(EquatableArray<string> items, string item)
    {
        foreach (var candidate in items)
        {
            if (candidate == item)
            {
                return true;
            }
        }

        return false;
    }

    private static string Names(EquatableArray<string> schemes) => schemes.Count == 0 ? "none" : string.Join(", ", schemes);
}
