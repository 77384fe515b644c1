using GraphService.Api.Endpoints;
using GraphService.Api.Http;
using GraphService.Core.Serialization;
using GraphService.Hosting;

var builder = WebApplication.CreateBuilder(args);

// The graph: store, importer, query semantics (GraphService.Hosting), and the start-up import of Graph:ImportOnStart.
builder.Services.AddGraphService(builder.Configuration);
builder.Services.ResolveGraphPathsFrom(builder.Environment.ContentRootPath);
builder.Services.AddStartupImport();

// The HTTP host: options, JSON shape, errors, OpenAPI, limits, CORS, caching, health.
builder.Services.AddApiOptions(builder.Configuration);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    GraphJson.Configure(o.SerializerOptions);
    // The API reads no JSON; strict numbers keep the documented schemas to plain integers and numbers.
    o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
});
builder.Services.AddGraphProblemDetails();
builder.Services.AddGraphOpenApi();
builder.Services.AddPerClientRateLimiting();
builder.Services.AddGraphRequestTimeouts();
builder.Services.AddConfiguredCors();
builder.Services.AddGraphResponseCaching();
builder.Services.AddGraphHealthChecks();

var app = builder.Build();

app.UseMiddleware<RequestLogging>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRouting();
app.UseCors();
app.UseRateLimiter();
app.UseRequestTimeouts();

app.MapOpenApi();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "GraphService API v1");
    o.RoutePrefix = "swagger";
    o.DocumentTitle = "GraphService API";
});

var api = app.MapApiGroup();
api.MapPathEndpoints();
api.MapEntityEndpoints();
api.MapDocumentEndpoints();
api.MapCitationEndpoints();
api.MapSchemaEndpoints();
app.MapHealthEndpoints();

app.Run();

/// <summary>The entry point, public so that tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
