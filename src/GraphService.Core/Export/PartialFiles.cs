using System.Text;

namespace GraphService.Core.Export;

/// <summary>
/// The files of one export, each written beside its final name with a <c>.partial</c> suffix. They take their names
/// only when every one is complete (<see cref="CommitAsync"/>); disposed before that, they are deleted, so that an
/// export that fails or is cancelled leaves no new file and changes no file already there.
/// </summary>
public sealed class PartialFiles : IAsyncDisposable
{
    private const int BufferSize = 1 << 16;
    private readonly string _directory;
    private readonly List<Entry> _files = [];
    private bool _committed;

    /// <summary>The files of an export into <paramref name="directory"/>, which is made if missing.</summary>
    public PartialFiles(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    /// <summary>The files of an export of the one file <paramref name="path"/> (its folder made if missing), and that file's name.</summary>
    public static (PartialFiles Files, string Name) For(string path)
    {
        var target = Path.GetFullPath(path);
        return (new PartialFiles(Path.GetDirectoryName(target)!), Path.GetFileName(target));
    }

    /// <summary>A new file to write bytes to; <paramref name="name"/> is its final name in the folder.</summary>
    public Stream CreateStream(string name) => Add(name, text: false).Stream;

    /// <summary>A new file to write as UTF-8 (no byte order mark); <paramref name="name"/> is its final name in the folder.</summary>
    public TextWriter Create(string name) => Add(name, text: true).Writer!;

    /// <summary>
    /// Moves what <paramref name="section"/> (a text file of this export, written completely) holds to the end of
    /// <paramref name="writer"/> (another): a part written beside another in one pass over the graph, placed after it.
    /// </summary>
    public async Task AppendAsync(TextWriter writer, TextWriter section, CancellationToken cancellationToken)
    {
        var into = _files.FindIndex(f => ReferenceEquals(f.Writer, writer));
        var from = _files.FindIndex(f => ReferenceEquals(f.Writer, section));
        if (into < 0 || from < 0 || into == from)
        {
            throw new ArgumentException("the section and the file it is appended to must be two text files of this export", nameof(section));
        }

        var target = _files[into];
        var source = _files[from];
        _files.RemoveAt(from);
        try
        {
            await source.CloseAsync().ConfigureAwait(false);
            await target.Writer!.FlushAsync(cancellationToken).ConfigureAwait(false);
            var read = new FileStream(source.Partial, FileMode.Open, FileAccess.Read, FileShare.None, BufferSize);
            await using (read.ConfigureAwait(false))
            {
                await read.CopyToAsync(target.Stream, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // No longer one of the files: appended, or (after a failure) of no use to anyone.
            File.Delete(source.Partial);
        }
    }

    /// <summary>Closes every file and gives each its final name (replacing a file of that name).</summary>
    public async Task CommitAsync()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        foreach (var file in _files)
        {
            await file.CloseAsync().ConfigureAwait(false);
        }

        foreach (var file in _files)
        {
            File.Move(file.Partial, file.Final, overwrite: true);
        }

        _committed = true;
    }

    /// <summary>Closes the files; before <see cref="CommitAsync"/>, deletes them.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var file in _files)
        {
            await file.CloseAsync().ConfigureAwait(false);
            if (!_committed && File.Exists(file.Partial))
            {
                File.Delete(file.Partial);
            }
        }

        _files.Clear();
    }

    private Entry Add(string name, bool text)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        var final = Path.Combine(_directory, name);
        var partial = final + ".partial";
        var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        var file = new Entry(final, partial, stream, text ? new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize) : null);
        _files.Add(file);
        return file;
    }

    private sealed record Entry(string Final, string Partial, Stream Stream, StreamWriter? Writer)
    {
        // Closing twice is harmless: a failure after a commit began, or a section already appended.
        public async ValueTask CloseAsync()
        {
            if (Writer is not null)
            {
                await Writer.DisposeAsync().ConfigureAwait(false);
            }

            await Stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
