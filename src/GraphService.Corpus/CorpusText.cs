using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace GraphService.Corpus;

/// <summary>
/// Reads corpus files as strict UTF-8, so that a mis-encoded file is reported instead of silently mangled, and reads
/// them safely: only regular files (told by <see cref="FileProbe"/> before opening, so a FIFO cannot block the import),
/// and never more than <see cref="CorpusLimits.MaxFileBytes"/> plus one byte (so a device or a huge file cannot
/// exhaust memory). Every failure is a problem at line 0 of the file, or at the line of the first invalid byte.
/// </summary>
internal static class CorpusText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The file's text without a leading byte-order mark; null, with the problem reported, when it cannot be read.
    /// <paramref name="probed"/> is what the caller's own probe of the path just told (a caller that has one spares the
    /// second <c>lstat</c>/<c>stat</c>, one per document of a corpus).
    /// </summary>
    public static string? Read(string fullPath, string relativePath, ProblemLog log, long maxBytes, FileProbe? probed = null)
    {
        var name = Path.GetFileName(relativePath);
        var probe = probed ?? FileProbe.Of(fullPath);
        if (probe.Kind == FileKind.Missing)
        {
            // Listed a moment ago, gone now.
            log.Add(relativePath, 0, $"{name} not found");
            return null;
        }

        if (probe.ProblemAsFile() is { } problem)
        {
            log.Add(relativePath, 0, $"{name} {problem}");
            return null;
        }

        ArraySegment<byte>? read;
        try
        {
            read = ReadAtMost(fullPath, maxBytes);
        }
        catch (UnauthorizedAccessException)
        {
            log.Add(relativePath, 0, $"{name} cannot be read: permission denied");
            return null;
        }
        catch (IOException e)
        {
            log.Add(relativePath, 0, $"{name} cannot be read: {e.Message.Replace(fullPath, relativePath, StringComparison.Ordinal)}");
            return null;
        }

        if (read is not { } bytes)
        {
            log.Add(relativePath, 0, $"{name} is larger than {maxBytes} bytes (limit {nameof(CorpusLimits.MaxFileBytes)})");
            return null;
        }

        try
        {
            string text;
            try
            {
                text = Strict.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                var (line, offset) = LocateInvalidByte(bytes);
                log.Add(relativePath, line, $"file is not valid UTF-8 (invalid byte at offset {offset}); save it as UTF-8");
                return null;
            }

            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        finally
        {
            GiveBack(bytes.Array!);
        }
    }

    /// <summary>
    /// The file's bytes, or null when it has more than <paramref name="maxBytes"/>. At most one byte more is read. The
    /// file's length only sizes the buffer: a device reports 0 and never ends, and a file may grow while it is read.
    /// The buffer is rented (<see cref="GiveBack"/> returns it): a corpus has tens of thousands of small documents, and
    /// a fresh buffer for each was most of the garbage collected while they were read.
    /// </summary>
    private static ArraySegment<byte>? ReadAtMost(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var length = stream.CanSeek ? stream.Length : 0;
        if (length > maxBytes)
        {
            return null;
        }

        const int unknownLength = 64 * 1024;
        var limit = maxBytes + 1;

        // One byte beyond the length the file reports, so that the read that finds its end needs no larger buffer.
        var buffer = Rent((int)Math.Min(length > 0 ? length + 1 : unknownLength, limit));
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (filled >= limit)
                    {
                        break;
                    }

                    var larger = Rent((int)Math.Min(2L * buffer.Length, limit));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    GiveBack(buffer);
                    buffer = larger;
                }

                var read = stream.Read(buffer, filled, (int)Math.Min(buffer.Length, limit) - filled);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }
        }
        catch
        {
            GiveBack(buffer);
            throw;
        }

        if (filled > maxBytes)
        {
            GiveBack(buffer);
            return null;
        }

        return new ArraySegment<byte>(buffer, 0, filled);
    }

    // Buffers up to this size come from the shared pool; a larger file (claims.yaml) gets one of its own, so that the
    // pool does not keep tens of megabytes after the import.
    private const int PooledBytes = 1024 * 1024;

    private static byte[] Rent(int length) => length <= PooledBytes ? ArrayPool<byte>.Shared.Rent(length) : new byte[length];

    private static void GiveBack(byte[] buffer)
    {
        if (buffer.Length <= PooledBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (int Line, int Offset) LocateInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var buffer = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, buffer, out var bytesRead, out _, replaceInvalidSequences: false);
        var offset = status == OperationStatus.Done ? 0 : bytesRead;
        var line = 1 + bytes[..offset].Count((byte)'\n');
        return (line, offset);
    }
}
