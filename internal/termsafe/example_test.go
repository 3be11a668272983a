package termsafe_test

import (
	"fmt"

	"github.com/offprint/offprint/internal/termsafe"
)

func ExampleString() {
	fmt.Println(termsafe.String("\x1b]0;PWNED\a\x1b[2J.md"))
	fmt.Println(termsafe.String("photo\u202egpj.exe"))
	fmt.Println(termsafe.String("Новости дня.md"))
	// Output:
	// \x1b]0;PWNED\x07\x1b[2J.md
	// photo\u202egpj.exe
	// Новости дня.md
}
