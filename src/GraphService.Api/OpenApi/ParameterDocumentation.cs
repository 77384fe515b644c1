using System.Globalization;
using System.Text.Json.Nodes;
using GraphService.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GraphService.Api.OpenApi;

/// <summary>
/// Documents each parameter from the endpoint's <see cref="ParameterCatalog"/>: meaning, type, range, default, allowed
/// values and an example. Parameters are bound as text (so a malformed value is a named 400, never a binder error);
/// this is where their real types are written.
/// </summary>
public sealed class ParameterDocumentation : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var catalog = context.Description.ActionDescriptor.EndpointMetadata.OfType<ParameterCatalog>().LastOrDefault();
        if (catalog is null || operation.Parameters is null)
        {
            return Task.CompletedTask;
        }

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            if (parameter.Name is null || catalog.Find(parameter.Name) is not { } spec)
            {
                continue;
            }

            parameter.Description = Describe(spec);
            parameter.Required = spec.Required || parameter.In == ParameterLocation.Path;
            parameter.Schema = SchemaOf(spec);
            if (spec.Example is not null)
            {
                parameter.Example = JsonValue.Create(spec.Example);
            }
        }

        return Task.CompletedTask;
    }

    private static string Describe(QueryParameter spec)
    {
        var text = char.ToUpperInvariant(spec.Description[0]) + spec.Description[1..] + ".";
        if (spec.Minimum is not null && spec.Maximum is not null)
        {
            text += $" Between {Format(spec.Minimum.Value)} and {Format(spec.Maximum.Value)}.";
        }

        if (spec.Default is not null)
        {
            text += $" Default {spec.Default}.";
        }

        return text;
    }

    private static OpenApiSchema SchemaOf(QueryParameter spec)
    {
        var schema = new OpenApiSchema
        {
            Type = spec.Type switch
            {
                ParameterType.Integer => JsonSchemaType.Integer,
                ParameterType.Number => JsonSchemaType.Number,
                _ => JsonSchemaType.String,
            },
            Pattern = spec.Pattern,
        };
        if (spec.Minimum is double min)
        {
            schema.Minimum = Format(min);
        }

        if (spec.Maximum is double max)
        {
            schema.Maximum = Format(max);
        }

        if (spec.Default is not null)
        {
            schema.Default = spec.Type == ParameterType.String
                ? JsonValue.Create(spec.Default)
                : JsonValue.Create(double.Parse(spec.Default, CultureInfo.InvariantCulture));
        }

        if (spec.AllowedValues is { } values)
        {
            schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }

        return schema;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
