using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphService.Core.Serialization;

namespace GraphService.Api.Http;

/// <summary>
/// Builds an answer's bytes within a size cap (<see cref="ApiOptions.MaxResponseMegabytes"/>) and the request's time:
/// JSON is written synchronously into pooled chunks of at most <see cref="ChunkBytes"/>, and each new chunk checks the cap
/// and the request's cancellation (which the request timeout triggers), so neither a huge answer nor a slow one runs on
/// after it can no longer be sent. Synchronous, because the bytes go to memory: the asynchronous serializer's
/// resumable state and a growing MemoryStream cost a path answer more than writing it.
/// </summary>
public static class ResponseBytes
{
    /// <summary>The most bytes written between two checks of the cap and the cancellation.</summary>
    public const int ChunkBytes = 4096;

    /// <summary>The UTF-8 JSON of <paramref name="value"/>, or null when it would be larger than <paramref name="maxBytes"/>.</summary>
    public static byte[]? Json(object value, JsonSerializerOptions options, long maxBytes, CancellationToken cancellationToken)
    {
        using var json = PooledJson(value, options, maxBytes, cancellationToken);
        return json?.Bytes.ToArray();
    }

    /// <summary>
    /// As <see cref="Json"/>, but the bytes stay in the pooled buffer they were written to, for an answer that is sent once
    /// and not kept: copying them out would cost every uncached request another array of the answer's size.
    /// </summary>
    public static PooledBytes? PooledJson(object value, JsonSerializerOptions options, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var buffer = new CappedBufferWriter(maxBytes, cancellationToken);
        var writerOptions = new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            SkipValidation = true,
        };
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, writerOptions))
            {
                // The result types' build-time contract gives the same bytes faster; it is compact and uses the graph
                // encoder, so it stands in only when the options ask for exactly that.
                var compact = options.WriteIndented || options.Encoder != GraphJson.Encoder ? null : GraphJson.CompactTypeInfo(value.GetType());
                if (compact is not null)
                {
                    JsonSerializer.Serialize(writer, value, compact);
                }
                else
                {
                    JsonSerializer.Serialize(writer, value, value.GetType(), options);
                }
            }

            // The writer's last bytes reach the buffer when it is disposed, after the last check.
            return buffer.Written > maxBytes ? null : buffer.Detach();
        }
        catch (CapExceededException)
        {
            return null;
        }
        finally
        {
            // Returns the buffer unless Detach handed it on (cap exceeded, cancelled, or the serializer failed).
            buffer.Dispose();
        }
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

    /// <summary>
    /// Pooled memory for the writer, handed out at most <see cref="ChunkBytes"/> at a time (more only when one value needs
    /// more), so that the cap and the cancellation are checked as the answer grows.
    /// </summary>
    private sealed class CappedBufferWriter(long maxBytes, CancellationToken cancellationToken) : IBufferWriter<byte>, IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        private int _written;

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            // Reserve first: it may move the bytes to a larger buffer.
            var length = Reserve(sizeHint);
            return _buffer.AsMemory(_written, length);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            var length = Reserve(sizeHint);
            return _buffer.AsSpan(_written, length);
        }

        public int Written => _written;

        /// <summary>Hands the written bytes, and the buffer with them, to a <see cref="PooledBytes"/>; this writer then holds nothing.</summary>
        public PooledBytes Detach()
        {
            var bytes = new PooledBytes(_buffer, _written);
            _buffer = [];
            _written = 0;
            return bytes;
        }

        public void Dispose()
        {
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = [];
        }

        private int Reserve(int sizeHint)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = Math.Max(sizeHint, ChunkBytes);
            if (_written + (long)Math.Max(sizeHint, 1) > maxBytes)
            {
                throw new CapExceededException();
            }

            if (_buffer.Length - _written < chunk)
            {
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max((long)_buffer.Length * 2, (long)_written + chunk), Array.MaxLength));
                _buffer.AsSpan(0, _written).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            return chunk;
        }
    }
}

/// <summary>Bytes in a buffer rented from <see cref="ArrayPool{T}.Shared"/>, returned to it on dispose; use them no longer then.</summary>
public sealed class PooledBytes : IDisposable
{
    private byte[] _buffer;

    internal PooledBytes(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Bytes => _buffer.AsMemory(0, Length);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
