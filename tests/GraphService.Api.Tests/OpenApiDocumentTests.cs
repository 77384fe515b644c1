using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GraphService.Api.Tests.Support;
using GraphService.Core.Queries;
using GraphService.Testing;

namespace GraphService.Api.Tests;

[Collection(SampleCorpusCollection.Name)]
public sealed class OpenApiDocumentTests(SampleCorpusApi api)
{
    private static string LintFolder => Path.Combine(RepositoryPaths.Root, "tests", "openapi-lint");

    /// <summary>One request per documented answer: template, URL, expected status.</summary>
    public static TheoryData<string, string, int> DocumentedAnswers => new()
    {
        { "/api/paths", "/api/paths?from=Khazali&to=al-Ameri&k=5", 200 },
        { "/api/paths", "/api/paths?from=Khazali&to=al-Ameri&maxHops=99", 400 },
        { "/api/paths", "/api/paths?from=Khazaliyy&to=al-Ameri", 404 },
        { "/api/paths", "/api/paths?from=Khazali&to=al-Ameri&format=markdown", 200 },
        { "/api/paths", "/api/paths?from=Khazali&to=al-Ameri&format=pdf", 400 },
        { "/api/entities/{id}/neighborhood", "/api/entities/Sadr/neighborhood?format=svg", 200 },
        { "/api/entities", "/api/entities?search=Sadr", 200 },
        { "/api/entities", "/api/entities?limit=0", 400 },
        { "/api/entities/{id}", "/api/entities/qais-al-khazali", 200 },
        { "/api/entities/{id}", "/api/entities/Muqtada", 200 },
        { "/api/entities/{id}", "/api/entities/nobody-at-all", 404 },
        { "/api/entities/{id}/neighborhood", "/api/entities/badr-organization/neighborhood?depth=2", 200 },
        { "/api/entities/{id}/neighborhood", "/api/entities/badr-organization/neighborhood?depth=0", 400 },
        { "/api/entities/{id}/neighborhood", "/api/entities/nobody-at-all/neighborhood", 404 },
        { "/api/documents", "/api/documents", 200 },
        { "/api/documents/{id}", "/api/documents/no-such-document", 404 },
        { "/api/citations/{id}", "/api/citations/no-such-citation", 404 },
        { "/api/schema", "/api/schema", 200 },
        { "/health/live", "/health/live", 200 },
        { "/health/ready", "/health/ready", 200 },
    };

    [Theory]
    [MemberData(nameof(DocumentedAnswers))]
    public async Task Each_answer_validates_against_the_schema_the_document_gives_for_it(string template, string url, int status)
    {
        var validator = new OpenApiSchemaValidator(await DocumentAsync());
        using var response = await api.Client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        var mediaType = response.Content.Headers.ContentType!.MediaType!;
        var schema = validator.ResponseSchema(template, status, mediaType);
        Assert.True(schema is not null, $"GET {template} documents no body for {status}");

        var body = await response.Content.ReadAsStringAsync();
        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            // Reports are documented as text in their own media type.
            Assert.Equal("string", schema.Value.GetProperty("type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(body));
            return;
        }

        var errors = validator.Validate(JsonDocument.Parse(body).RootElement, schema.Value);
        Assert.True(errors.Count == 0, $"GET {url} ({status}) does not match its documented schema:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public async Task Documents_and_citations_of_a_real_answer_validate_too()
    {
        var validator = new OpenApiSchemaValidator(await DocumentAsync());
        var path = await api.Server.GetJsonAsync<PathResult>("/api/paths?from=Khazali&to=al-Ameri&k=1");
        var citation = path.Paths[0].Relationships[0].Citations[0];
        foreach (var (template, url) in new[]
                 {
                     ("/api/documents/{id}", $"/api/documents/{Uri.EscapeDataString(citation.DocumentId)}"),
                     ("/api/citations/{id}", $"/api/citations/{Uri.EscapeDataString(citation.Id)}"),
                 })
        {
            using var response = await api.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var errors = validator.Validate(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement,
                validator.ResponseSchema(template, 200, "application/json")!.Value);
            Assert.True(errors.Count == 0, $"GET {url} does not match its documented schema:\n{string.Join("\n", errors)}");
        }
    }

    [Fact]
    public async Task Every_parameter_is_described_and_ranges_and_defaults_are_those_of_QueryLimits()
    {
        var document = await DocumentAsync();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var operation = path.Value.GetProperty("get");
            Assert.True(operation.TryGetProperty("summary", out _), $"{path.Name} has a summary");
            foreach (var parameter in operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                Assert.False(string.IsNullOrWhiteSpace(parameter.TryGetProperty("description", out var d) ? d.GetString() : null),
                    $"{path.Name} parameter {parameter.GetProperty("name")} is described");
            }
        }

        foreach (var (template, range) in new[]
                 {
                     ("/api/paths", QueryLimits.MaxHops), ("/api/paths", QueryLimits.K), ("/api/entities", QueryLimits.SearchLimit),
                     ("/api/entities/{id}/neighborhood", QueryLimits.Depth), ("/api/entities/{id}/neighborhood", QueryLimits.NeighborhoodLimit),
                 })
        {
            var schema = document.GetProperty("paths").GetProperty(template).GetProperty("get").GetProperty("parameters").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == range.Name).GetProperty("schema");
            Assert.Equal("integer", schema.GetProperty("type").GetString());
            Assert.Equal(range.Min, schema.GetProperty("minimum").GetInt32());
            Assert.Equal(range.Max, schema.GetProperty("maximum").GetInt32());
            Assert.Equal(range.Default, schema.GetProperty("default").GetInt32());
        }
    }

    [Fact]
    public async Task Swagger_UI_is_served_over_the_document()
    {
        using var response = await api.Client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        using var config = await api.Client.GetAsync("/swagger/index.js");
        Assert.Contains("/openapi/v1.json", await config.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_live_document_passes_Redocly_lint()
    {
        var cli = Path.Combine(LintFolder, "node_modules", "@redocly", "cli", "bin", "cli.js");
        CiRequirement.Require(File.Exists(cli), "Redocly CLI is not installed; run npm ci in tests/openapi-lint to lint the OpenAPI document");

        var output = Path.Combine(LintFolder, "build", "openapi.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, await api.Client.GetStringAsync("/openapi/v1.json"));

        var start = new ProcessStartInfo("node", [cli, "lint", "--config", "redocly.yaml", "--format", "stylish", output])
        {
            WorkingDirectory = LintFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var lint = Process.Start(start)!;
        var stdout = lint.StandardOutput.ReadToEndAsync();
        var stderr = lint.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await lint.WaitForExitAsync(timeout.Token);
        var report = await stdout + await stderr;
        Assert.True(lint.ExitCode == 0, $"redocly lint failed:\n{report}");
        // Warnings do not fail redocly; here they do (deliberate exceptions are listed in .redocly.lint-ignore.yaml).
        Assert.DoesNotMatch(@"\d+:\d+\s+warning", report);
    }

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
}
