using System.Runtime.InteropServices;

namespace GraphService.Corpus;

/// <summary>What a path in a corpus folder is, told without opening it.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    NamedPipe,
    CharacterDevice,
    BlockDevice,
    Socket,
    OtherSpecial,
    DanglingLink,
    UnfollowableLink,
    Unreadable,
}

/// <summary>
/// Tells a path's kind before the importer opens it. Opening a FIFO for reading blocks until a writer appears, and a
/// device such as /dev/zero never ends, so the kind must be known first; symbolic links are followed (a link to a
/// regular file is read), and a dangling link or a loop is told apart from a missing file.
/// </summary>
/// <remarks>
/// .NET has no API for a file's type on Unix (<c>FileAttributes</c> tells only folders and links, and
/// <c>File.GetUnixFileMode</c> only permissions), so this asks <c>lstat</c>/<c>stat</c> through the runtime's own
/// native shim, libSystem.Native (<c>SystemNative_LStat</c>, <c>SystemNative_Stat</c>), which System.IO itself calls.
/// It is preferred to libc's <c>stat</c> because libc's <c>struct stat</c> is laid out differently on each
/// architecture (and glibc before 2.33 exports no <c>stat</c> symbol at all), while the shim's <c>FileStatus</c> has one
/// layout everywhere, with the mode as its second 32-bit field and portable <c>S_IF*</c> values. Only that field is read,
/// into a buffer far larger than the struct, so that fields the runtime may append later cannot overrun it. The FIFO
/// and device tests in GraphService.Corpus.Tests fail if a runtime ever changes this. A file swapped for a FIFO between
/// the probe and the open is not guarded against: that needs someone racing the importer on purpose.
/// </remarks>
internal readonly record struct FileProbe(FileKind Kind, string? Detail = null)
{
    private const int FileTypeMask = 0xF000;
    private const int NamedPipeType = 0x1000;
    private const int CharacterDeviceType = 0x2000;
    private const int DirectoryType = 0x4000;
    private const int BlockDeviceType = 0x6000;
    private const int RegularType = 0x8000;
    private const int LinkType = 0xA000;
    private const int SocketType = 0xC000;

    private const int NoSuchEntry = 2;   // ENOENT, the same on Linux and macOS
    private const int NotADirectory = 20;   // ENOTDIR, the same on Linux and macOS

    public static FileProbe Of(string path)
    {
        return OperatingSystem.IsWindows() ? OfWindowsPath(path) : OfUnixPath(path);
    }

    /// <summary>What the path is, as a phrase for a problem ("a named pipe (FIFO)").</summary>
    public string Phrase => Kind switch
    {
        FileKind.Regular => "a file",
        FileKind.Directory => "a folder",
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.OtherSpecial => "a special file",
        _ => "missing",
    };

    /// <summary>
    /// The problem with reading this path as a corpus file, or null when it is a regular file (or a link to one) or
    /// missing (which each caller reports in its own words).
    /// </summary>
    public string? ProblemAsFile() => Kind switch
    {
        FileKind.Regular or FileKind.Missing => null,
        FileKind.DanglingLink => $"is a symbolic link to '{Detail}', which does not exist",
        FileKind.UnfollowableLink => $"is a symbolic link that cannot be followed: {Detail}",
        FileKind.Unreadable => $"cannot be read: {Detail}",
        _ => $"is {Phrase}, not a regular file: a corpus file must be a regular file or a symbolic link to one",
    };

    private static FileProbe OfUnixPath(string path)
    {
        if (NativeStatus.LStat(path, out var own) != 0)
        {
            return FromError(Marshal.GetLastPInvokeError());
        }

        var type = own.Mode & FileTypeMask;
        if (type == LinkType)
        {
            if (NativeStatus.Stat(path, out var target) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                return error == NoSuchEntry
                    ? new FileProbe(FileKind.DanglingLink, LinkTargetOf(path))
                    : new FileProbe(FileKind.UnfollowableLink, Marshal.GetPInvokeErrorMessage(error));
            }

            type = target.Mode & FileTypeMask;
        }

        return new FileProbe(type switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            NamedPipeType => FileKind.NamedPipe,
            CharacterDeviceType => FileKind.CharacterDevice,
            BlockDeviceType => FileKind.BlockDevice,
            SocketType => FileKind.Socket,
            _ => FileKind.OtherSpecial,
        });
    }

    private static FileProbe FromError(int error) => error is NoSuchEntry or NotADirectory
        ? new FileProbe(FileKind.Missing)
        : new FileProbe(FileKind.Unreadable, Marshal.GetPInvokeErrorMessage(error).ToLowerInvariant());

    // Windows has no FIFOs or devices in a folder listing; folders, files and links are all there is to tell.
    private static FileProbe OfWindowsPath(string path)
    {
        if (Directory.Exists(path))
        {
            return new FileProbe(FileKind.Directory);
        }

        if (File.Exists(path))
        {
            return new FileProbe(FileKind.Regular);
        }

        return LinkTargetOf(path) is { } target ? new FileProbe(FileKind.DanglingLink, target) : new FileProbe(FileKind.Missing);
    }

    private static string? LinkTargetOf(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static class NativeStatus
    {
        private const string Library = "libSystem.Native";

        [DllImport(Library, EntryPoint = "SystemNative_LStat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

        [DllImport(Library, EntryPoint = "SystemNative_Stat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
    }

    // The shim's FileStatus begins with Flags and Mode; the rest (owner, size, times, ...) is not read.
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }
}
