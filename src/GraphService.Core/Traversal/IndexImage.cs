using System.Runtime.InteropServices;
using GraphService.Core.Domain;

namespace GraphService.Core.Traversal;

/// <summary>Where an <see cref="IndexImage"/> writes its named parts (a store keeps them beside the graph).</summary>
public interface IIndexPartWriter
{
    void Write(string name, ReadOnlySpan<byte> bytes);
}

/// <summary>Where an <see cref="IndexImage"/> reads its parts back from.</summary>
public interface IIndexPartReader
{
    /// <summary>The length in bytes of part <paramref name="name"/>, or -1 when there is no such part.</summary>
    long Length(string name);

    /// <summary>Fills <paramref name="destination"/> (exactly the part's length) with part <paramref name="name"/>.</summary>
    void Read(string name, Span<byte> destination);
}

/// <summary>
/// A <see cref="TraversalIndex"/> and the keys of its <see cref="AliasIndex"/> as named binary parts, so that a store can
/// keep them beside the graph and a process opening it loads arrays instead of building them from rows. Each part is
/// one array's bytes as they lie in memory (little-endian), so it is read straight into the array that will hold it;
/// strings are a character array with offsets. Only what the graph says is kept (entities, relationships and their
/// attributes, the name keys, which are the costly part of the alias index): the strength ranking and both
/// adjacencies are derived when the index is constructed, so a change in how they are built cannot leave a stale image.
/// <see cref="FormatVersion"/> changes with the parts; an image of another version (or none) reads as null, and the
/// store builds the index from its rows instead.
/// </summary>
public static class IndexImage
{
    public const int FormatVersion = 1;

    private const string Format = "format";

    /// <summary>Writes every part of <paramref name="index"/> and <paramref name="aliases"/> (built over it).</summary>
    public static void Write(TraversalIndex index, AliasIndex aliases, IIndexPartWriter writer)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(writer);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("the index image is written little-endian");
        }

        WriteStrings(writer, "entity.ids", index.EntityIds);
        WriteStrings(writer, "entity.names", index.EntityNames);
        writer.Write("entity.types", MemoryMarshal.AsBytes(index.EntityTypes.AsSpan()));
        var aliasOffsets = new int[index.EntityCount + 1];
        for (var e = 0; e < index.EntityCount; e++)
        {
            aliasOffsets[e + 1] = aliasOffsets[e] + index.EntityAliases[e].Length;
        }

        writer.Write("entity.alias-offsets", MemoryMarshal.AsBytes(aliasOffsets.AsSpan()));
        WriteStrings(writer, "entity.aliases", [.. index.EntityAliases.SelectMany(a => a)]);
        writer.Write("relationship.ids.chars", MemoryMarshal.AsBytes(index.RelationshipIds.Characters));
        writer.Write("relationship.ids.offsets", MemoryMarshal.AsBytes(index.RelationshipIds.Offsets));
        writer.Write("relationship.start", MemoryMarshal.AsBytes(index.RelationshipStart.AsSpan()));
        writer.Write("relationship.end", MemoryMarshal.AsBytes(index.RelationshipEnd.AsSpan()));
        writer.Write("relationship.type", index.RelationshipType);
        writer.Write("relationship.confidence", MemoryMarshal.AsBytes(index.RelationshipConfidence.AsSpan()));
        writer.Write("relationship.corroboration", MemoryMarshal.AsBytes(index.RelationshipCorroboration.AsSpan()));
        writer.Write("relationship.contested", MemoryMarshal.AsBytes(index.RelationshipContested.AsSpan()));
        writer.Write("relationship.since", MemoryMarshal.AsBytes(index.RelationshipSince.AsSpan()));
        writer.Write("relationship.until", MemoryMarshal.AsBytes(index.RelationshipUntil.AsSpan()));
        WriteStrings(writer, "types", index.TypeNames);

        var keys = aliases.Keys;
        WriteStrings(writer, "alias.id-normalized", keys.IdNormalized);
        WriteStrings(writer, "alias.id-without-articles", keys.IdWithoutArticles);
        WriteStrings(writer, "alias.entry-normalized", keys.EntryNormalized);
        WriteStrings(writer, "alias.entry-without-articles", keys.EntryWithoutArticles);
        writer.Write("alias.by-name", MemoryMarshal.AsBytes(keys.EntitiesByName.AsSpan()));

        // Last, so that an image cut short by a failure never reads as complete (the store writes it in one transaction anyway).
        writer.Write(Format, MemoryMarshal.AsBytes(new[] { FormatVersion }.AsSpan()));
    }

    /// <summary>The index and its alias index, or null when the reader holds no image of this format version.</summary>
    public static (TraversalIndex Index, AliasIndex Aliases)? Read(IIndexPartReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!BitConverter.IsLittleEndian || reader.Length(Format) != sizeof(int) || ReadArray<int>(reader, Format)[0] != FormatVersion)
        {
            return null;
        }

        var entityIds = ReadStrings(reader, "entity.ids");
        var entityNames = ReadStrings(reader, "entity.names");
        var entityTypes = ReadArray<EntityType>(reader, "entity.types");
        var aliasOffsets = ReadArray<int>(reader, "entity.alias-offsets");
        var aliasTexts = ReadStrings(reader, "entity.aliases");
        var entityAliases = new string[entityIds.Length][];
        for (var e = 0; e < entityIds.Length; e++)
        {
            entityAliases[e] = aliasOffsets[e] == aliasOffsets[e + 1] ? [] : aliasTexts[aliasOffsets[e]..aliasOffsets[e + 1]];
        }

        // Most keys equal the text they were made from (an id, or the other key form): share that string.
        var idNormalized = ReadStrings(reader, "alias.id-normalized", entityIds);
        var entryNormalized = ReadStrings(reader, "alias.entry-normalized");
        var keys = new AliasKeys(
            idNormalized,
            ReadStrings(reader, "alias.id-without-articles", idNormalized),
            entryNormalized,
            ReadStrings(reader, "alias.entry-without-articles", entryNormalized),
            ReadArray<int>(reader, "alias.by-name"));

        var relationshipIds = StringTable.FromArrays(ReadArray<char>(reader, "relationship.ids.chars"), ReadArray<int>(reader, "relationship.ids.offsets"));
        var start = ReadArray<int>(reader, "relationship.start");
        var end = ReadArray<int>(reader, "relationship.end");
        var type = ReadArray<byte>(reader, "relationship.type");
        var confidence = ReadArray<double>(reader, "relationship.confidence");
        var corroboration = ReadArray<int>(reader, "relationship.corroboration");
        var contested = ReadArray<bool>(reader, "relationship.contested");
        var since = ReadArray<int>(reader, "relationship.since");
        var until = ReadArray<int>(reader, "relationship.until");
        var typeNames = ReadStrings(reader, "types");

        // The alias index needs only the entities: it is built on another core while the index derives its ranking
        // and adjacencies (the two are most of a load's CPU after reading the parts).
        var aliases = Task.Run(() => AliasIndex.Build(entityIds, entityNames, entityTypes, entityAliases, keys));
        TraversalIndex index;
        try
        {
            index = new TraversalIndex(
                entityIds, entityNames, entityTypes, entityAliases, relationshipIds, start, end, type, confidence, corroboration, contested, since, until, typeNames);
        }
        finally
        {
            // Never leave the build running unobserved, even when the index is refused.
            aliases.Wait();
        }

        return (index, aliases.Result);
    }

    private static void WriteStrings(IIndexPartWriter writer, string name, IReadOnlyList<string> strings)
    {
        var offsets = new int[strings.Count + 1];
        for (var i = 0; i < strings.Count; i++)
        {
            offsets[i + 1] = checked(offsets[i] + strings[i].Length);
        }

        var chars = new char[offsets[^1]];
        for (var i = 0; i < strings.Count; i++)
        {
            strings[i].CopyTo(chars.AsSpan(offsets[i]));
        }

        writer.Write(name + ".chars", MemoryMarshal.AsBytes(chars.AsSpan()));
        writer.Write(name + ".offsets", MemoryMarshal.AsBytes(offsets.AsSpan()));
    }

    /// <summary>Strings of a part; where string i equals <paramref name="same"/>[i], that instance is reused.</summary>
    private static string[] ReadStrings(IIndexPartReader reader, string name, string[]? same = null)
    {
        var chars = ReadArray<char>(reader, name + ".chars");
        var offsets = ReadArray<int>(reader, name + ".offsets");
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != chars.Length || (same is not null && same.Length != offsets.Length - 1))
        {
            throw new InvalidDataException($"index part {name} is malformed");
        }

        var strings = new string[offsets.Length - 1];
        for (var i = 0; i < strings.Length; i++)
        {
            var span = chars.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);
            strings[i] = same is not null && span.SequenceEqual(same[i]) ? same[i] : span.Length == 0 ? "" : new string(span);
        }

        return strings;
    }

    private static T[] ReadArray<T>(IIndexPartReader reader, string name)
        where T : unmanaged
    {
        var length = reader.Length(name);
        var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (length < 0 || length % size != 0 || length / size > Array.MaxLength)
        {
            throw new InvalidDataException($"index part {name} is missing or malformed ({length} bytes)");
        }

        var array = GC.AllocateUninitializedArray<T>((int)(length / size));
        reader.Read(name, MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }
}

/// <summary>
/// The name keys of an <see cref="AliasIndex"/>: per entity its id's two key forms; per entry (an entity's name, then
/// its aliases, entity by entity) the two key forms of the text; and the entities in name order.
/// </summary>
internal sealed record AliasKeys(
    string[] IdNormalized,
    string[] IdWithoutArticles,
    string[] EntryNormalized,
    string[] EntryWithoutArticles,
    int[] EntitiesByName);
