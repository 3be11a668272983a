package typo

import "testing"

// TestLanguages checks each language's quotation marks (outer, nested and
// single), its no-break spaces and its apostrophes, input → output. "~" is
// a no-break space, "^" a narrow one.
func TestLanguages(t *testing.T) {
	tests := []struct {
		lang  string
		cases []stringCase
	}{
		{"de", []stringCase{
			{`Er sagte "Sie sagte "ja"" und ging.`, `Er sagte „Sie sagte ‚ja‘“ und ging.`},
			{`'Wort' und "Satz"`, `‚Wort‘ und „Satz“`},
			{`Hast du 'ne Idee? So geht's.`, `Hast du ’ne Idee? So geht’s.`},
			{`5 km und 30 °C, 12 % und 20 kg`, `5~km und 30~°C, 12~% und 20~kg`},
			{`1.000 Euro und 2,5 Mio.`, `1.000 Euro und 2,5 Mio.`},
		}},
		{"de-AT", []stringCase{{`"Servus"`, `„Servus“`}}},
		{"de-CH", []stringCase{
			{`Er sagte "Sie sagte "ja"" und ging.`, `Er sagte «Sie sagte ‹ja›» und ging.`},
			{`«Grüezi»`, `«Grüezi»`},
		}},
		{"de-LI", []stringCase{{`"Grüezi"`, `«Grüezi»`}}},
		{"pl", []stringCase{
			{`Powiedział "ona mówi "tak"" w domu`, `Powiedział „ona mówi «tak»” w~domu`},
			{`i to, a tamto, o tym, u nas, z nami, w lesie`, `i~to, a~tamto, o~tym, u~nas, z~nami, w~lesie`},
			{`W Krakowie 12 000 osób`, `W~Krakowie 12^000 osób`},
		}},
		{"cs", []stringCase{
			{`Řekl "ona říká "ano"" v domě`, `Řekl „ona říká ‚ano‘“ v~domě`},
			{`k domu, s námi, z Prahy, o tom, u nás, a pak, i on, V Brně`, `k~domu, s~námi, z~Prahy, o~tom, u~nás, a~pak, i~on, V~Brně`},
			{`20 kg a 3 mm`, `20~kg a~3~mm`},
		}},
		{"sk", []stringCase{{`Povedal "áno" v meste a k nám`, `Povedal „áno“ v~meste a~k~nám`}}},
		{"fr", []stringCase{
			{`Il a dit "elle dit "oui"".`, `Il a dit «^elle dit “oui”^».`},
			{`«Bonjour» et « Bonjour » et «^Bonjour^»`, `«^Bonjour^» et «^Bonjour^» et «^Bonjour^»`},
			{`Quoi? Oui! Non; voici: rien`, `Quoi^? Oui^! Non^; voici~: rien`},
			{`Quoi ? Oui ! Non ; voici : rien`, `Quoi^? Oui^! Non^; voici~: rien`},
			{`Quoi?! à 10:30, «Vraiment?»`, `Quoi^?! à 10:30, «^Vraiment^?^»`},
			{`l'abside et aujourd'hui`, `l’abside et aujourd’hui`},
			{`12 500 habitants, 30 °C, 12 %`, `12^500 habitants, 30~°C, 12~%`},
		}},
		{"fr-CH", []stringCase{{`Il a dit "elle dit "oui"".`, `Il a dit «elle dit ‹oui›».`}}},
		{"es", []stringCase{
			{`Dijo "ella dice "sí"" y 'no'.`, `Dijo «ella dice “sí”» y ‘no’.`},
			{`1.000 personas y 5 km`, `1.000 personas y 5~km`},
		}},
		{"it", []stringCase{{`Disse "lei dice "sì"", un po' di l'abside`, `Disse «lei dice “sì”», un po’ di l’abside`}}},
		{"ca", []stringCase{{`Va dir "ella diu "sí""`, `Va dir «ella diu “sí”»`}}},
		{"pt-PT", []stringCase{{`Disse "ela diz "sim""`, `Disse «ela diz “sim”»`}}},
		{"pt", []stringCase{{`Disse "olá"`, `Disse «olá»`}}},
		{"pt-BR", []stringCase{{`Disse "ela diz "sim""`, `Disse “ela diz ‘sim’”`}}},
		{"gl", []stringCase{{`Dixo "ola"`, `Dixo “ola”`}}},
		{"el", []stringCase{{`Είπε "αυτή λέει "ναι""`, `Είπε «αυτή λέει “ναι”»`}}},
		{"ru", []stringCase{
			{`Он сказал "она говорит "да""`, `Он сказал «она говорит „да“»`},
			{`"Он сказал 'привет' и ушёл"`, `«Он сказал „привет“ и~ушёл»`},
			{`значение 'слово'`, `значение ‘слово’`},
			{`5 км за 30 мин, 12 %`, `5~км за 30~мин, 12~%`},
		}},
		{"uk", []stringCase{
			{`Він сказав "вона каже "так""`, `Він сказав «вона каже „так“»`},
			{`п'ять і м'ята`, `п’ять і~м’ята`},
		}},
		{"be", []stringCase{{`Ён сказаў "яна кажа "так""`, `Ён сказаў «яна кажа „так“»`}}},
		{"bg", []stringCase{{`Той каза "тя казва "да"" в града`, `Той каза „тя казва ‚да‘“ в~града`}}},
		{"sr", []stringCase{{`Рекао је "она каже "да"" у граду`, `Рекао је „она каже ’да’” у~граду`}}},
		{"sr-Latn", []stringCase{{`Rekao je "ona kaže "da"" u gradu`, `Rekao je „ona kaže ’da’” u~gradu`}}},
		{"hr", []stringCase{{`Rekao je "ona kaže "da"" u gradu i s njom`, `Rekao je „ona kaže ‚da‘“ u~gradu i~s~njom`}}},
		{"sl", []stringCase{{`Rekel je "ona pravi "da"" v mestu`, `Rekel je „ona pravi ‚da‘“ v~mestu`}}},
		{"fi", []stringCase{
			{`Hän sanoi "hän sanoo "kyllä""`, `Hän sanoi ”hän sanoo ’kyllä’”`},
			{`”Valmiina” ja "uusi" Helsinki’n`, `”Valmiina” ja ”uusi” Helsinki’n`},
		}},
		{"sv", []stringCase{{`Han sa "hon säger "ja""`, `Han sa ”hon säger ’ja’”`}}},
		{"nl", []stringCase{
			{`Hij zei "zij zegt "ja""`, `Hij zei “zij zegt ‘ja’”`},
			{`'s avonds en 't huis, 'Woord'`, `’s avonds en ’t huis, ‘Woord’`},
		}},
		{"af", []stringCase{{`Hy sê "'n Man"`, `Hy sê “’n Man”`}}},
		{"tr", []stringCase{{`Dedi ki "o "evet" diyor", İstanbul'da`, `Dedi ki “o ‘evet’ diyor”, İstanbul’da`}}},
		{"da", []stringCase{{`Han sagde "hun siger "ja""`, `Han sagde »hun siger ›ja‹«`}}},
		{"nb", []stringCase{{`Han sa "hun sier "ja""`, `Han sa «hun sier ‘ja’»`}}},
		{"nn", []stringCase{{`Han sa "ho seier "ja""`, `Han sa «ho seier ‘ja’»`}}},
		{"no", []stringCase{{`"Ja"`, `«Ja»`}}},
		{"hu", []stringCase{{`Azt mondta "ő azt mondja "igen""`, `Azt mondta „ő azt mondja »igen«”`}}},
		{"ro", []stringCase{{`A spus "ea spune "da""`, `A spus „ea spune «da»”`}}},
		{"lt", []stringCase{{`Jis sakė "ji sako "taip""`, `Jis sakė „ji sako ‚taip‘“`}}},
		{"lv", []stringCase{{`Viņš teica "jā"`, `Viņš teica “jā”`}}},
		{"et", []stringCase{{`Ta ütles "jah"`, `Ta ütles „jah“`}}},
		{"is", []stringCase{{`Hann sagði "já"`, `Hann sagði „já“`}}},
		{"mk", []stringCase{{`Тој рече "таа вели "да"" и в градот`, `Тој рече „таа вели ‚да‘“ и~в~градот`}}},
		{"hsb", []stringCase{{`Wón praji "haj" w měsće`, `Wón praji „haj“ w~měsće`}}},
		{"oc", []stringCase{{`Diguèt "òc"`, `Diguèt «òc»`}}},
		{"rm", []stringCase{{`El di "gea"`, `El di «gea»`}}},
		{"vi", []stringCase{{`Anh ấy nói "vâng"`, `Anh ấy nói “vâng”`}}},
		{"id", []stringCase{{`Dia berkata "ya"`, `Dia berkata “ya”`}}},
		{"mn", []stringCase{{`Тэр "тийм" гэв`, `Тэр “тийм” гэв`}}},
		{"en", []stringCase{
			{`5 km, 30 °C, 12 %, 3 mm, 100 km/h, 4 GB, 5 kWh`, `5~km, 30~°C, 12~%, 3~mm, 100~km/h, 4~GB, 5~kWh`},
			{`5 in a row, 2 a day, 3 men, 5 kms`, `5 in a row, 2 a day, 3 men, 5 kms`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) { runCases(t, tt.lang, tt.cases) })
	}
}
