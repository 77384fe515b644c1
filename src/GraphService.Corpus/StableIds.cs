using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphService.Core.Domain;

namespace GraphService.Corpus;

/// <summary>
/// Ids and versions derived from content, so that importing the same corpus twice gives the same graph:
/// relationship and citation ids hash what identifies them (fields joined by U+001F, UTF-8, SHA-256, first 16 hex
/// digits), and the snapshot version hashes the whole snapshot in a canonical (sorted, compact JSON) form.
/// </summary>
public static class StableIds
{
    private const char Separator = '\u001F';

    private static readonly JsonSerializerOptions Canonical = new()
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string RelationshipId(string subjectId, string predicate, string objectId) =>
        ShortHash("r-", subjectId, predicate, objectId, null);

    public static string CitationId(string documentId, int start, int end, Stance stance) =>
        ShortHash("c-", documentId, start.ToString(CultureInfo.InvariantCulture), end.ToString(CultureInfo.InvariantCulture), stance.ToWord());

    /// <summary>
    /// "sha256:" and the hex SHA-256 of the snapshot serialised with an empty version. The snapshot's lists must already
    /// be in their canonical order (the importer sorts them), so equal graphs serialise equally.
    /// </summary>
    public static string VersionOf(GraphSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        // The serialised form is hashed as it is written, never held whole: it holds every document and quote.
        using var hash = new HashingStream();
        JsonSerializer.Serialize(hash, snapshot with { Version = string.Empty }, Canonical);
        return "sha256:" + Convert.ToHexStringLower(hash.Hash());
    }

    /// <summary>
    /// <paramref name="prefix"/> and the first 16 hex digits (8 bytes) of the SHA-256 of the fields' UTF-8 joined by
    /// <see cref="Separator"/> (a null <paramref name="fourth"/> is no field), made without the joined text: an import
    /// hashes a million ids, and the joined string, the digest and the concatenation were each a string per id.
    /// </summary>
    private static string ShortHash(string prefix, string first, string second, string third, string? fourth)
    {
        var length = Encoding.UTF8.GetMaxByteCount(first.Length + second.Length + third.Length + (fourth?.Length ?? 0) + 3);
        var rented = length > 512 ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[512];
            var written = Encoding.UTF8.GetBytes(first, utf8);
            foreach (var field in (ReadOnlySpan<string?>)[second, third, fourth])
            {
                if (field is not null)
                {
                    utf8[written++] = (byte)Separator;
                    written += Encoding.UTF8.GetBytes(field, utf8[written..]);
                }
            }

            // The digest's first 8 bytes as a big-endian number print as the same 16 hex digits, in the same order.
            var head = Sha256Head.Of(utf8[..written]);
            return string.Create(prefix.Length + 16, (prefix, head), static (chars, state) =>
            {
                state.prefix.CopyTo(chars);
                state.head.TryFormat(chars[state.prefix.Length..], out _, "x16", CultureInfo.InvariantCulture);
            });
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A write-only stream that only hashes (SHA-256) what is written to it.</summary>
    private sealed class HashingStream : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public byte[] Hash() => _hash.GetHashAndReset();

        public override void Write(byte[] buffer, int offset, int count) => _hash.AppendData(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _hash.AppendData(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
