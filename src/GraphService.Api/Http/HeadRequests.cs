using Microsoft.AspNetCore.Http.Features;

namespace GraphService.Api.Http;

/// <summary>
/// HEAD wherever GET works (RFC 9110 §9.3.2): a HEAD request is routed and answered as the GET it mirrors, with the same
/// status and headers. The body the GET would send is counted, not kept, and its length sent as Content-Length, as the
/// GET's own would be. Static files answer HEAD themselves, so this runs after them. The method is restored afterwards
/// so that logs show HEAD; Kestrel sends no body for a HEAD request in any case, since it keeps the method it parsed.
/// </summary>
public sealed class HeadRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }

        var server = http.Features.Get<IHttpResponseBodyFeature>()!;
        await using var counter = new CountingStream();
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(counter));
        http.Request.Method = HttpMethods.Get;
        try
        {
            await next(http);
        }
        finally
        {
            http.Request.Method = HttpMethods.Head;
            http.Features.Set(server);
        }

        if (!http.Response.HasStarted && http.Response.ContentLength is null && counter.Length > 0)
        {
            http.Response.ContentLength = counter.Length;
        }
    }

    /// <summary>A write-only sink that keeps only how many bytes went through it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }
    }
}
