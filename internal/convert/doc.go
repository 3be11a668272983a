// Package convert is offprint's pipeline: it loads an input, reads it into
// the article model, applies the user's overrides and typographic
// refinement, and writes the EPUB and the PDF safely into the output folder.
//
//	in, err := convert.Load("night-library.txt", convert.LoadOptions{})
//	if err != nil {
//		return err
//	}
//	res, err := convert.Convert(in, convert.Options{OutDir: "out"})
//	if err != nil {
//		return err // nothing was written
//	}
//	fmt.Println(res.Paths) // [out/v-novosibirske-….epub out/v-novosibirske-….pdf]
//
// Every output is rendered into a temporary file in the target folder,
// synced, and renamed into place only when all formats of the input have
// rendered, so a failed or interrupted conversion leaves no partial file.
// A run of several conversions shares one Names registry, which gives
// articles whose titles slug alike distinct names in input order; an
// Options.Context stops a conversion at its next checkpoint.
package convert
