using GraphService.Api.Endpoints;
using GraphService.Api.Http;
using GraphService.Api.Observability;
using GraphService.Core.Serialization;
using GraphService.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = ExplorerFiles.WebRoot });

// The graph: store, importer, query semantics (GraphService.Hosting), and the start-up import of Graph:ImportOnStart.
builder.Services.AddGraphService(builder.Configuration);
builder.Services.ResolveGraphPathsFrom(builder.Environment.ContentRootPath);
builder.Services.AddStartupImport();

// The HTTP host: options, Kestrel limits, JSON shape, errors, access control, OpenAPI, limits, CORS, caching, health, metrics.
builder.Services.AddApiOptions(builder.Configuration);
builder.Services.AddKestrelLimits();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    GraphJson.Configure(o.SerializerOptions);
    // The API reads no JSON; strict numbers keep the documented schemas to plain integers and numbers.
    o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
});
builder.Services.AddGraphProblemDetails();
builder.Services.AddAccessControl(builder.Configuration, builder.Environment.IsDevelopment());
builder.Services.AddGraphOpenApi();
builder.Services.AddPerClientRateLimiting();
builder.Services.AddGraphRequestTimeouts();
builder.Services.AddConfiguredCors();
builder.Services.AddGraphResponseCaching();
builder.Services.AddGraphHealthChecks();
builder.Services.AddGraphObservability(builder.Configuration);

var app = builder.Build();

app.UseMiddleware<RequestLogging>();
app.UseMiddleware<SecurityHeaders>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestSizeLimits>();
app.UseWhen(ExplorerFiles.MayNameAFolder, explorer => explorer.UseDefaultFiles());
app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = SecurityHeaders.OnExplorerFile });
app.UseMiddleware<HeadRequests>();
app.UseRouting();
app.UseCors();
app.UseAccessControl();
app.UseRateLimiter();
app.UseRequestTimeouts();

app.MapOpenApi().RequireAccess(app, AccessControl.ApiDocsPolicy);
app.MapSwaggerUIEndpoint(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "GraphService API v1");
    o.RoutePrefix = "swagger";
    o.DocumentTitle = "GraphService API";
}).RequireAccess(app, AccessControl.ApiDocsPolicy);

var api = app.MapApiGroup();
api.MapPathEndpoints();
api.MapEntityEndpoints();
api.MapDocumentEndpoints();
api.MapSuggestionEndpoints();
api.MapCitationEndpoints();
api.MapSchemaEndpoints();
api.MapOverviewEndpoints();
api.MapExplorerEndpoints();
app.MapHealthEndpoints();
app.MapMetricsEndpoint();

app.Run();

/// <summary>The entry point, public so that tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
