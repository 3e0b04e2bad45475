using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace CsMetrics.Data;

/// <summary>
/// A bounded memo from a key (text) to a value (bytes), stored flat: one slot array and one arena holding each
/// key beside its value, so a lookup touches two or three cache lines (a dictionary of strings touches more,
/// which for tens of thousands of keys costs more than it saves). Linear probing with at most
/// <see cref="MaxProbes"/> probes (a key that finds no place is simply not kept, so no input makes it slow);
/// it starts afresh when full, and stops looking when fewer than one lookup in eight hits (the input does not
/// repeat). A hit returns exactly the bytes added for an equal key. Not thread-safe.
/// </summary>
internal sealed class SpanMemo
{
    private const int SlotBits = 17;
    private const int MaxEntries = 1 << (SlotBits - 1);
    private const int MaxArenaBytes = 1 << 24;
    private const int MaxProbes = 16;
    private const int ProbeWindow = 1 << 14;

    private readonly long[] _slots = new long[1 << SlotBits]; // (hash << 32) | (arena offset + 1); 0 = empty
    private byte[] _arena = new byte[1 << 14];
    private int _used;
    private int _count;
    private long _lookups, _hits;
    private int _pendingSlot = -1;
    private uint _pendingHash;

    /// <summary>True once the memo has stopped looking (too few hits).</summary>
    public bool IsDisabled { get; private set; }

    /// <summary>How many lookups hit so far.</summary>
    public long Hits => _hits;

    /// <summary>
    /// Looks <paramref name="key"/> up; on a miss remembers where it would go, for <see cref="AddLast"/>.
    /// </summary>
    public bool TryGet(ReadOnlySpan<char> key, out ReadOnlySpan<byte> value)
    {
        value = default;
        _pendingSlot = -1;
        if (IsDisabled)
        {
            return false;
        }
        _lookups++;
        var keyBytes = MemoryMarshal.AsBytes(key);
        uint hash = Hash(keyBytes);
        int mask = _slots.Length - 1;
        int slot = (int)(hash & (uint)mask);
        for (int probe = 0; probe < MaxProbes; probe++, slot = (slot + 1) & mask)
        {
            long entry = _slots[slot];
            if (entry == 0)
            {
                _pendingSlot = slot;
                _pendingHash = hash;
                break;
            }
            if ((uint)(entry >>> 32) == hash)
            {
                int offset = (int)(entry & 0xFFFFFFFF) - 1;
                int keyLength = BinaryPrimitives.ReadInt32LittleEndian(_arena.AsSpan(offset));
                int valueLength = BinaryPrimitives.ReadInt32LittleEndian(_arena.AsSpan(offset + 4));
                if (keyLength == keyBytes.Length && _arena.AsSpan(offset + 8, keyLength).SequenceEqual(keyBytes))
                {
                    _hits++;
                    value = _arena.AsSpan(offset + 8 + keyLength, valueLength);
                    return true;
                }
            }
        }
        if (_lookups % ProbeWindow == 0 && _hits * 8 < _lookups)
        {
            IsDisabled = true;
        }
        return false;
    }

    /// <summary>Adds the key of the last missed <see cref="TryGet"/> (passed again) with its value.</summary>
    public void AddLast(ReadOnlySpan<char> key, ReadOnlySpan<byte> value)
    {
        var keyBytes = MemoryMarshal.AsBytes(key);
        int size = 8 + keyBytes.Length + value.Length;
        if (_pendingSlot < 0 || IsDisabled || size > MaxArenaBytes / 64)
        {
            _pendingSlot = -1;
            return;
        }
        if (_count == MaxEntries || _used + size > MaxArenaBytes)
        {
            Array.Clear(_slots);
            _used = 0;
            _count = 0;
            _pendingSlot = (int)(_pendingHash & (uint)(_slots.Length - 1));
        }
        if (_used + size > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Min(MaxArenaBytes, Math.Max(_arena.Length * 2, _used + size)));
        }
        var target = _arena.AsSpan(_used, size);
        BinaryPrimitives.WriteInt32LittleEndian(target, keyBytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(target[4..], value.Length);
        keyBytes.CopyTo(target[8..]);
        value.CopyTo(target[(8 + keyBytes.Length)..]);
        _slots[_pendingSlot] = ((long)_pendingHash << 32) | (uint)(_used + 1);
        _used += size;
        _count++;
        _pendingSlot = -1;
    }

    /// <summary>A fast 32-bit mix of the bytes (multiply-rotate over 8-byte words); not for adversaries, who only lengthen probes.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Prime = 0x9E3779B97F4A7C15;
        ulong h = (ulong)bytes.Length * Prime;
        int i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
        {
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..])) * Prime, 29);
        }
        ulong tail = 0;
        for (int shift = 0; i < bytes.Length; i++, shift += 8)
        {
            tail |= (ulong)bytes[i] << shift;
        }
        h = (h ^ tail) * Prime;
        h ^= h >> 32;
        return (uint)h;
    }
}
