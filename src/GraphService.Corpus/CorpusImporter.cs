using System.ComponentModel.DataAnnotations;

namespace GraphService.Corpus;

/// <summary>
/// Reads a corpus folder (corpus.yaml, entities.yaml, claims.yaml, documents/*.md; see docs/corpus-format.md), verifies
/// every quote against its document, finds every mention and builds the graph snapshot. Every problem is reported at
/// once; when there is any, no snapshot is returned. The importer writes nothing: storing the snapshot is the store's job.
/// </summary>
/// <remarks>
/// The work is a pipeline of stages, each in its own file, each handing records to the next: settings
/// (<see cref="SettingsReader"/>), documents (<see cref="DocumentFolderReader"/>), entities (<see cref="EntitiesReader"/>),
/// claims with their evidence (<see cref="ClaimsReader"/>), then the snapshot (<see cref="SnapshotBuilder"/>).
/// </remarks>
public sealed class CorpusImporter
{
    private readonly CorpusLimits _limits;

    /// <summary>An importer holding every input to <paramref name="limits"/> (by default <see cref="CorpusLimits.Default"/>).</summary>
    /// <exception cref="ValidationException">A limit is out of its documented range.</exception>
    public CorpusImporter(CorpusLimits? limits = null)
    {
        _limits = limits ?? CorpusLimits.Default;
        Validator.ValidateObject(_limits, new ValidationContext(_limits), validateAllProperties: true);
    }

    /// <summary>Reads and verifies the corpus in <paramref name="corpusDirectory"/>.</summary>
    public CorpusLoadResult Load(string corpusDirectory, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(corpusDirectory);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(corpusDirectory));
        var label = Path.GetFileName(root);
        var log = new ProblemLog(label.Length > 0 ? label : root, _limits.MaxProblems);
        if (!Directory.Exists(root))
        {
            log.Add(string.Empty, 0, "corpus folder not found");
            return new CorpusLoadResult(null, log.Problems, log.Count);
        }

        var input = new CorpusInput(root, log, _limits);
        var settings = SettingsReader.Read(input, label);
        var documents = DocumentFolderReader.Read(input, ct);
        if (documents is not null)
        {
            DerivationReader.Check(documents, log);
        }

        var entities = EntitiesReader.Read(input);
        // Claims go straight into the snapshot while the corpus is sound so far; a problem anywhere means no snapshot.
        Func<SnapshotBuilder>? newBuilder = log.Count == 0 && documents is not null && entities is not null
            ? () => new SnapshotBuilder(
                documents.Values.Select(d => d.Document ?? throw new InvalidOperationException($"document '{d.Id}' was not read completely")),
                DerivationReader.OriginsOf(documents.Values))
            : null;
        var claims = ClaimsReader.Read(input, settings, entities, documents, newBuilder, ct);
        if (log.Count > 0 || entities is null || claims?.Builder is not { } builder)
        {
            return new CorpusLoadResult(null, log.Problems, log.Count);
        }

        return new CorpusLoadResult(builder.Build(settings, entities.Valid.Select(e => e.Entity), ct), [], 0);
    }
}
