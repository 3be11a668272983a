package linebreak

import "math"

// node is a feasible break: the end of a line in some way of setting the
// paragraph up to it, with the least demerits of that way.
type node struct {
	demerits float64
	pos      int32 // the break's item; -1 at the paragraph start
	next     int32 // the first item of the line after the break
	prev     int32 // the node of the break before; -1 for none
	ord      int32 // the break's ordinal among the pass's legal breaks
	fitness  int8  // of the line that ends here
	first    bool  // the paragraph start: the next line is the first
	streak   uint8 // lines in a row up to here that end with a hyphen
}

// maxStreak bounds Options.HyphenLines.
const maxStreak = 4

// pass is one attempt at breaking a paragraph.
type pass struct {
	level     uint8   // the highest break level allowed
	tolerance float64 // the largest badness allowed; +Inf: any
	bg        float64 // stretch added to every line when rating it (TeX's \emergencystretch)
	rigid     float64 // stretch assumed, when rating it, for a line that has none
	final     bool    // a line holding a single unbreakable unit may be overfull
}

// Fitness classes (TeX's very loose, loose, decent, tight).
const (
	tight int8 = iota
	decent
	loose
	veryLoose
)

// fitness returns the fitness class of a line set with ratio r.
func fitness(r float64) int8 {
	switch {
	case r < -0.5:
		return tight
	case r <= 0.5:
		return decent
	case r <= 1:
		return loose
	}
	return veryLoose
}

// Badnesses of lines that cannot be rated: one that cannot stretch at all,
// one too wide even with its spaces fully shrunk.
const (
	rigidBadness    = 1e5
	overfullBadness = 1e7
	maxBadness      = 1e30 // keeps demerits finite
)

// overStreakDemerits are added in the final pass for a line that makes too
// many hyphenated lines in a row: about a line with spaces three times
// their stretch.
const overStreakDemerits = 1e7

// passes returns the passes to try in turn before the final one.
func (ly *layout) passes() []pass {
	p := &ly.p
	if p.align != Justify {
		return []pass{{level: levelHyphen, tolerance: math.Inf(1)}}
	}
	var ps []pass
	if p.pretolerance >= 0 {
		ps = append(ps, pass{level: levelAlways, tolerance: p.pretolerance})
	}
	ps = append(ps, pass{level: levelHyphen, tolerance: p.tolerance})
	if p.sloppy > p.tolerance || p.emergency > 0 {
		ps = append(ps, pass{level: levelHyphen, tolerance: math.Max(p.sloppy, p.tolerance), bg: p.emergency})
	}
	return ps
}

// breakLines builds the items and chooses the breaks of the paragraph:
// the items at which its lines end, the last one being the final item.
// Like TeX, it breaks at hyphenation points only when the first pass finds
// no good breaks (the items carry them from the start, at levelHyphen).
func (ly *layout) breakLines() []int32 {
	passes := ly.passes()
	// One set of items serves every pass: hyphenation points are penalties
	// of levelHyphen, which the first pass (levelAlways) does not break at.
	ly.build(true)
	var (
		first    []int32 // the first pass's breaks, kept when its last line is short
		firstDem float64
	)
	if passes[0].level == levelAlways && !ly.overwide() {
		if br, ok := ly.try(passes[0]); ok {
			if !ly.short {
				return br
			}
			first, firstDem = br, ly.demerits
		}
		passes = passes[1:]
	}
	if !ly.overwide() {
		for _, ps := range passes {
			br, ok := ly.try(ps)
			if !ok {
				continue
			}
			if first != nil && firstDem <= ly.demerits {
				break
			}
			return br
		}
	}
	if first != nil {
		return first
	}
	ly.explode()
	final := pass{level: levelEmergency, tolerance: math.Inf(1), bg: ly.p.emergency,
		rigid: math.Max(0.1*ly.p.width, 1), final: true}
	br, ok := ly.try(final)
	if ok && ly.realign(br) {
		ly.explode()
		br, ok = ly.try(final)
	}
	if !ok {
		// Not expected: the final pass always finds a way. Break wherever
		// allowed.
		br = br[:0]
		for b := range ly.items {
			if ly.legal(b, levelEmergency) {
				br = append(br, int32(b))
			}
		}
	}
	return br
}

// legal reports whether item b is a legal break at the given level.
func (ly *layout) legal(b int, level uint8) bool {
	it := &ly.items[b]
	switch it.kind {
	case glue:
		return it.level <= level && b > 0 && ly.items[b-1].kind == box
	case penalty:
		return it.penalty < infPenalty && it.level <= level
	}
	return false
}

// skip returns the index of the first item of a line that starts after
// item i-1: glue and penalties after a break are discarded.
func (ly *layout) skip(i int) int32 {
	for i < len(ly.items) {
		it := &ly.items[i]
		if it.kind == box || it.kind == penalty && it.penalty <= -infPenalty {
			break
		}
		i++
	}
	return int32(i)
}

// try runs Knuth and Plass's algorithm with one pass's settings and
// returns the breaks of the best way to set the paragraph, or ok == false
// when there is none.
func (ly *layout) try(ps pass) (breaks []int32, ok bool) {
	p := &ly.p
	items := ly.items
	justify := p.align == Justify
	nodes := ly.nodes[:0]
	nodes = append(nodes, node{pos: -1, next: ly.skip(0), prev: -1, ord: -1, fitness: decent, first: true})
	active := append(ly.active[:0], 0)
	defer func() { ly.nodes, ly.active = nodes[:0], active[:0] }()

	inf := math.Inf(1)
	ord := int32(0)
	availFirst, availRest := ly.avail(true), ly.avail(false)
	epsFirst, epsRest := epsilon(availFirst), epsilon(availRest)
	for b := range items {
		if !ly.legal(b, ps.level) {
			continue
		}
		it := &items[b]
		var pw, pen float64
		if it.kind == penalty {
			pw, pen = it.width, it.penalty
		}
		forced := pen <= -infPenalty
		end := forced && it.brk == BreakEnd
		fill := forced && (justify || p.align == Left) // TeX's \parfillskip
		lineStretch := 0.0
		if !justify && !fill {
			lineStretch = p.ragged
		}
		flagged := it.kind == penalty && it.flagged
		var (
			best [4][maxStreak + 1]float64 // by fitness class and hyphen streak
			from [4][maxStreak + 1]int32
		)
		for c := range best {
			for s := range best[c] {
				best[c][s] = inf
			}
		}
		least := inf
		k := 0
		for _, ai := range active {
			a := &nodes[ai]
			if int32(b) < a.next {
				active[k] = ai
				k++
				continue
			}
			avail, eps := availRest, epsRest
			if a.first {
				avail, eps = availFirst, epsFirst
			}
			w := ly.cw[b] - ly.cw[a.next] + pw
			stretch := ly.cs[b] - ly.cs[a.next] + lineStretch
			if stretch <= 0 {
				stretch = ps.rigid
			}
			r := ratio(avail-w, eps, stretch+ps.bg, ly.ck[b]-ly.ck[a.next], fill)
			var bad float64
			feasible := false
			switch {
			case r >= -1:
				bad = math.Min(100*math.Abs(r*r*r), maxBadness)
				if math.IsInf(r, 1) {
					bad = rigidBadness
					feasible = math.IsInf(ps.tolerance, 1)
				} else {
					feasible = bad <= ps.tolerance
				}
			case ps.final && ord == a.ord+1:
				// Nothing fits: a character wider than the line.
				feasible, bad, r = true, overfullBadness, -1
			}
			var streak uint8
			over := false // too many hyphenated lines in a row
			if flagged {
				streak = a.streak + 1
				switch {
				case p.hyphenLines == 0:
					streak = 1
				case int(streak) > p.hyphenLines:
					streak = uint8(p.hyphenLines)
					over = true
					feasible = feasible && ps.final
				}
			}
			if feasible {
				fc := fitness(r)
				l := p.linePenalty + bad
				d := l * l
				switch {
				case pen > 0:
					d += pen * pen
				case pen < 0 && !forced:
					d -= pen * pen
				}
				if flagged && a.streak > 0 {
					d += p.doubleHyphen
				}
				if over {
					d += overStreakDemerits
				}
				if end && a.streak > 0 {
					d += p.finalHyphen
				}
				if fc-a.fitness > 1 || a.fitness-fc > 1 {
					d += p.adj
				}
				if end && (justify || p.align == Left) && w < p.shortLast*avail {
					d += p.shortLastDemerits
				}
				d += a.demerits
				if d < best[fc][streak] {
					best[fc][streak], from[fc][streak] = d, ai
					least = min(least, d)
				}
			}
			if r >= -1 && !forced {
				active[k] = ai
				k++
			}
		}
		active = active[:k]
		if least < inf {
			next := ly.skip(b + 1)
			keep := least + p.adj
			for si := range maxStreak + 1 {
				c0 := -1 // the final pass keeps the best node per streak only
				if ps.final {
					for c := range best {
						if best[c][si] < inf && (c0 < 0 || best[c][si] < best[c0][si]) {
							c0 = c
						}
					}
				}
				for c := range best {
					if d := best[c][si]; d <= keep && (c0 < 0 || c == c0) {
						nodes = append(nodes, node{demerits: d, pos: int32(b), next: next, prev: from[c][si], ord: ord,
							fitness: int8(c), streak: uint8(si)})
						active = append(active, int32(len(nodes)-1))
					}
				}
			}
		}
		if len(active) == 0 {
			return nil, false
		}
		ly.maxActive = max(ly.maxActive, len(active))
		ord++
	}
	ly.maxNodes = max(ly.maxNodes, len(nodes))
	// The final item forces a break, so only nodes there are left.
	bestN := int32(-1)
	for _, ai := range active {
		if bestN < 0 || nodes[ai].demerits < nodes[bestN].demerits {
			bestN = ai
		}
	}
	n := 0
	for i := bestN; nodes[i].pos >= 0; i = nodes[i].prev {
		n++
	}
	breaks = make([]int32, n)
	for i := bestN; nodes[i].pos >= 0; i = nodes[i].prev {
		n--
		breaks[n] = nodes[i].pos
	}
	ly.demerits = nodes[bestN].demerits
	ly.short = false
	if a := nodes[nodes[bestN].prev]; justify || p.align == Left {
		ly.short = ly.cw[nodes[bestN].pos]-ly.cw[a.next] < p.shortLast*ly.avail(a.first)
	}
	return breaks, true
}

// epsilon is the rounding error allowed in fitting a line into avail.
func epsilon(avail float64) float64 { return 1e-9 * math.Max(1, math.Abs(avail)) }

// ratio returns the adjustment ratio of a line that falls short of its
// available width by slack (negative: too wide; within eps: fits), with
// the given total stretch and shrink. A filled line (the last of a
// paragraph) stretches infinitely. +Inf: the line cannot stretch; -Inf: it
// cannot shrink.
func ratio(slack, eps, stretch, shrink float64, fill bool) float64 {
	switch {
	case slack > eps:
		if fill {
			return 0
		}
		if stretch > 0 {
			return slack / stretch
		}
		return math.Inf(1)
	case slack >= -eps:
		return 0
	case shrink > 0:
		return slack / shrink
	}
	return math.Inf(-1)
}
