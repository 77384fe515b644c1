using System.Text;
using System.Text.Json;

namespace GraphService.Api.Http;

/// <summary>
/// Builds an answer's bytes within a size cap (<see cref="ApiOptions.MaxResponseMegabytes"/>) and the request's time:
/// JSON is serialized in chunks, each of which checks the cap and the request's cancellation (which the request timeout
/// triggers), so neither a huge answer nor a slow one runs on after it can no longer be sent.
/// </summary>
public static class ResponseBytes
{
    /// <summary>The UTF-8 JSON of <paramref name="value"/>, or null when it would be larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> JsonAsync(object value, JsonSerializerOptions options, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new CappedStream(maxBytes);
        try
        {
            await JsonSerializer.SerializeAsync(buffer, value, value.GetType(), options, cancellationToken).ConfigureAwait(false);
        }
        catch (CapExceededException)
        {
            return null;
        }

        return buffer.ToArray();
    }

    /// <summary>The UTF-8 bytes of a written report, or null when they would be larger than <paramref name="maxBytes"/>.</summary>
    public static byte[]? Text(string text, long maxBytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Counting first keeps an oversized report from being encoded at all.
        return Encoding.UTF8.GetByteCount(text) > maxBytes ? null : Encoding.UTF8.GetBytes(text);
    }

    /// <summary>Thrown inside serialization only, to stop it; never leaves <see cref="ResponseBytes"/>.</summary>
    private sealed class CapExceededException : Exception
    {
        public CapExceededException()
            : base("The answer is larger than the response cap.")
        {
        }

        public CapExceededException(string message)
            : base(message)
        {
        }

        public CapExceededException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }

    private sealed class CappedStream(long maxBytes) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        private void Check(int count)
        {
            if (Length + count > maxBytes)
            {
                throw new CapExceededException();
            }
        }
    }
}
