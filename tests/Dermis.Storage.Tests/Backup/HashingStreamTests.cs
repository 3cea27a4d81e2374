using System.Text;
using Dermis.Storage.Backup;

namespace Dermis.Storage.Tests.Backup;

public sealed class HashingStreamTests
{
    // FIPS 180-2, appendix B.1 and B.2: the one-block and two-block SHA-256 examples.
    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public async Task Written_bytes_hash_to_the_FIPS_180_2_example_and_pass_through_unchanged(string message, string expected)
    {
        var bytes = Encoding.ASCII.GetBytes(message);
        using var sink = new MemoryStream();
        using (var hashing = new HashingStream(sink, leaveOpen: true))
        {
            // Two writes: the hash must not depend on how the bytes are split.
            await hashing.WriteAsync(bytes.AsMemory(0, 2));
            hashing.Write(bytes, 2, bytes.Length - 2);
            Assert.Equal(expected, hashing.Sha256);
            Assert.Equal(bytes.Length, hashing.Bytes);
        }

        Assert.Equal(bytes, sink.ToArray());
    }

    [Fact]
    public async Task Read_counts_bytes_and_line_feeds_of_COPY_text_rows()
    {
        // Three COPY text rows; the second holds an escaped newline (backslash n), which is not a row end.
        var text = "1\talpha\n2\tline one\\nline two\n3\t\\N\n";
        using var hashing = new HashingStream(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        await hashing.CopyToAsync(Stream.Null);

        Assert.Equal(3, hashing.LineFeeds);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), hashing.Bytes);
    }
}
