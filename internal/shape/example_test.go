package shape_test

import (
	"fmt"

	"github.com/offprint/offprint/assets"
	"github.com/offprint/offprint/internal/shape"
)

// Lam and alef take their ligature forms (rlig), laid out from right to
// left: glyph ids in visual order.
func ExampleFont_Shape() {
	data, err := assets.ScriptFont(assets.ArabicRegular)
	if err != nil {
		panic(err)
	}
	f, err := shape.Parse(data)
	if err != nil {
		panic(err)
	}
	for _, g := range f.Shape([]rune("لا"), true, "ar") {
		fmt.Println(g.ID, g.Advance, g.Cluster)
	}
	// Output:
	// 6 0 1
	// 450 518 0
}
