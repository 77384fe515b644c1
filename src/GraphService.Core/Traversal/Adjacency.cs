namespace GraphService.Core.Traversal;

/// <summary>Builds the two CSR adjacencies of a <see cref="TraversalIndex"/> (see there for their order).</summary>
internal static class Adjacency
{
    public sealed record Arrays(int[] Offsets, int[] LinkNeighbor, int[] LinkEntry, int[] StrengthNeighbor, int[] StrengthEntry);

    public static Arrays Build(int entityCount, int[] start, int[] end, int[] strengthClass, int[] strengthRank)
    {
        var offsets = new int[entityCount + 1];
        for (var r = 0; r < start.Length; r++)
        {
            offsets[start[r] + 1]++;
            offsets[end[r] + 1]++;
        }

        for (var e = 0; e < entityCount; e++)
        {
            offsets[e + 1] += offsets[e];
        }

        var total = offsets[entityCount];
        var neighbor = new int[total];
        var entry = new int[total];
        var cursor = new int[entityCount];
        Array.Copy(offsets, cursor, entityCount);
        for (var r = 0; r < start.Length; r++)
        {
            var slot = cursor[start[r]]++;
            neighbor[slot] = end[r];
            entry[slot] = r << 1;
            slot = cursor[end[r]]++;
            neighbor[slot] = start[r];
            entry[slot] = (r << 1) | 1;
        }

        var strengthNeighbor = (int[])neighbor.Clone();
        var strengthEntry = (int[])entry.Clone();
        var maxDegree = 0;
        for (var e = 0; e < entityCount; e++)
        {
            maxDegree = Math.Max(maxDegree, offsets[e + 1] - offsets[e]);
        }

        var keys = new long[maxDegree];
        for (var e = 0; e < entityCount; e++)
        {
            var from = offsets[e];
            var length = offsets[e + 1] - from;
            if (length < 2)
            {
                continue;
            }

            // By link: neighbour, then strongest first (the rank breaks strength ties by id), then the direction bit.
            for (var i = 0; i < length; i++)
            {
                var x = entry[from + i];
                keys[i] = ((long)neighbor[from + i] << 32) | ((long)strengthRank[x >> 1] << 1) | (long)(x & 1);
            }

            keys.AsSpan(0, length).Sort(entry.AsSpan(from, length));
            for (var i = 0; i < length; i++)
            {
                neighbor[from + i] = (int)(keys[i] >> 32);
            }

            // By strength: strength class, then neighbour (the entry order within one neighbour and class is immaterial).
            for (var i = 0; i < length; i++)
            {
                keys[i] = ((long)strengthClass[strengthEntry[from + i] >> 1] << 32) | (uint)strengthNeighbor[from + i];
            }

            keys.AsSpan(0, length).Sort(strengthEntry.AsSpan(from, length));
            for (var i = 0; i < length; i++)
            {
                strengthNeighbor[from + i] = (int)(keys[i] & 0xFFFFFFFF);
            }
        }

        return new Arrays(offsets, neighbor, entry, strengthNeighbor, strengthEntry);
    }
}
