using System.Buffers.Binary;
using System.Security.Cryptography;

namespace GraphService.Corpus.Tests;

public sealed class Sha256HeadTests
{
    [Fact]
    public void It_is_the_first_8_bytes_of_the_platforms_SHA256_for_every_length_across_several_blocks()
    {
        var random = new Random(20261202);
        for (var length = 0; length <= 300; length++)
        {
            for (var sample = 0; sample < 8; sample++)
            {
                var message = new byte[length];
                random.NextBytes(message);
                Assert.Equal(BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(message)), Sha256Head.Of(message));
            }
        }
    }

    [Fact]
    public void It_matches_the_published_digest_of_abc()
    {
        // FIPS 180-4 example: SHA-256("abc") = ba7816bf 8f01cfea ...
        Assert.Equal(0xba7816bf8f01cfeaUL, Sha256Head.Of("abc"u8));
    }
}
