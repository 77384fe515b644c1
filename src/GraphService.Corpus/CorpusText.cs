using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace GraphService.Corpus;

/// <summary>Reads corpus files as strict UTF-8, so that a mis-encoded file is reported instead of silently mangled.</summary>
internal static class CorpusText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text without a leading byte-order mark; null (with a problem reported) when it is not valid UTF-8.</summary>
    public static string? Read(string fullPath, string relativePath, ProblemLog log)
    {
        var bytes = File.ReadAllBytes(fullPath);
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

    private static (int Line, int Offset) LocateInvalidByte(byte[] bytes)
    {
        var buffer = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, buffer, out var bytesRead, out _, replaceInvalidSequences: false);
        var offset = status == OperationStatus.Done ? 0 : bytesRead;
        var line = 1 + bytes.AsSpan(0, offset).Count((byte)'\n');
        return (line, offset);
    }
}
