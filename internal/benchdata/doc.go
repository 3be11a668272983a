// Package benchdata builds offprint's benchmark inputs: the sample article
// and the long article (the sample's body repeated), each as Markdown with a
// YAML metadata block, the one input format offprint and pandoc both read.
// The benchmarks of internal/convert and scripts/bench.sh use the same bytes.
//
//	md, err := benchdata.Markdown(benchdata.LongRepeat)
//	if err != nil { … }
//	os.WriteFile("long.md", md, 0o644)
package benchdata
