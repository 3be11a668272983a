package pdf

import (
	"encoding/binary"
	"errors"
	"math"
)

// ttfWidths fills widths (indexed by rune, the Basic Multilingual Plane)
// from a TrueType font's tables: the format 4 character map gofpdf reads
// (the first Unicode or Windows Unicode BMP subtable of format 4) and the
// horizontal metrics, read and rounded exactly as gofpdf reads and rounds
// them. It walks the character map's segments, so it costs a few
// microseconds per mapped character, not one look-up per code point.
func ttfWidths(data []byte, widths []uint16) error {
	tables, err := ttfTables(data)
	if err != nil {
		return err
	}
	head, hhea, maxp, hmtx, cmap := tables["head"], tables["hhea"], tables["maxp"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || cmap == nil {
		return errors.New("missing or short head, hhea, maxp or cmap table")
	}
	upem := int(binary.BigEndian.Uint16(head[18:]))
	if upem == 0 {
		return errors.New("units per em is zero")
	}
	scale := 1000 / float64(upem)
	numMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	if numMetrics == 0 || len(hmtx) < 4*numMetrics {
		return errors.New("short hmtx table")
	}
	advance := func(gid int) (int, bool) {
		switch {
		case gid < numMetrics:
		case gid < numGlyphs:
			gid = numMetrics - 1 // the last advance repeats
		default:
			return 0, false
		}
		a := int(binary.BigEndian.Uint16(hmtx[4*gid:]))
		if a >= 1<<15 {
			a = 0
		}
		return a, true
	}
	sub, err := cmapFormat4(cmap)
	if err != nil {
		return err
	}
	// Format 4: segCountX2, searchRange, entrySelector, rangeShift, then
	// the endCode, reservedPad, startCode, idDelta and idRangeOffset arrays.
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	ends := 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	offsets := deltas + 2*segs
	if len(sub) < offsets+2*segs {
		return errors.New("short character map")
	}
	u16 := func(off int) int { return int(binary.BigEndian.Uint16(sub[off:])) }
	for n := range segs {
		end, start := u16(ends+2*n), u16(starts+2*n)
		delta, ro := u16(deltas+2*n), u16(offsets+2*n)
		for c := start; c <= end; c++ {
			gid := 0
			if ro == 0 {
				gid = (c + delta) & 0xFFFF
			} else if pos := offsets + 2*n + ro + 2*(c-start); pos+2 <= len(sub) {
				if gid = u16(pos); gid != 0 {
					gid = (gid + delta) & 0xFFFF
				}
			}
			if c == 0 || c == 0xFFFF || gid == 0 || c >= 0xD800 && c < 0xE000 {
				continue
			}
			a, ok := advance(gid)
			if !ok {
				continue
			}
			// gofpdf: int(math.Round(scale * advance)), 0 meaning none.
			switch w := int(math.Round(scale * float64(a))); {
			case w <= 0:
				widths[c] = zeroWidth
			case w >= zeroWidth:
				widths[c] = zeroWidth - 1
			default:
				widths[c] = uint16(w)
			}
		}
	}
	return nil
}

// ttfTables returns the tables of a TrueType file by tag, each checked to
// lie within the file.
func ttfTables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("not a font file")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("short table directory")
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := data[12+16*i:]
		off, size := uint64(binary.BigEndian.Uint32(rec[8:])), uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+size > uint64(len(data)) {
			return nil, errors.New("table outside the file")
		}
		tables[string(rec[:4])] = data[off : off+size]
	}
	return tables, nil
}

// cmapFormat4 returns the character map subtable gofpdf uses: the first
// format 4 subtable for Unicode (platform 0) or Windows Unicode BMP
// (platform 3, encoding 1), cut to its stated length.
func cmapFormat4(cmap []byte) ([]byte, error) {
	if len(cmap) < 4 {
		return nil, errors.New("short cmap table")
	}
	count := int(binary.BigEndian.Uint16(cmap[2:]))
	for k := range count {
		enc := 4 + 8*k
		if enc+8 > len(cmap) {
			break
		}
		platform, encoding := binary.BigEndian.Uint16(cmap[enc:]), binary.BigEndian.Uint16(cmap[enc+2:])
		off := int(binary.BigEndian.Uint32(cmap[enc+4:]))
		if !(platform == 3 && encoding == 1 || platform == 0) || off < 0 || off+14 > len(cmap) {
			continue
		}
		sub := cmap[off:]
		if binary.BigEndian.Uint16(sub) != 4 {
			continue
		}
		if length := int(binary.BigEndian.Uint16(sub[2:])); length >= 14 && length <= len(sub) {
			sub = sub[:length]
		}
		return sub, nil
	}
	return nil, errors.New("no Unicode character map (format 4), which gofpdf needs")
}
