package lang

import (
	"os"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		// Paragraphs.
		{"en paragraph", "At the summit held in Bishkek, the president announced the motto for the chairmanship in the organization for the next year. This motto emphasizes the growing military threat faced by the world.", "en"},
		{"ru paragraph", "В пятницу вечером в Новосибирске впервые открыла двери библиотека, которая принимает читателей с девяти вечера до шести утра. Проект запустили по просьбе студентов и людей, работающих посменно.", "ru"},
		{"de paragraph", "Am Freitagabend hat in Nowosibirsk zum ersten Mal eine Bibliothek geöffnet, die Leser von neun Uhr abends bis sechs Uhr morgens empfängt. Das Projekt wurde auf Wunsch von Studenten ins Leben gerufen.", "de"},
		{"fr paragraph", "Vendredi soir, une bibliothèque a ouvert pour la première fois ses portes à Novossibirsk : elle accueille les lecteurs de neuf heures du soir à six heures du matin. Le projet a été lancé à la demande des étudiants.", "fr"},
		{"es paragraph", "El viernes por la noche abrió por primera vez en Novosibirsk una biblioteca que recibe a los lectores desde las nueve de la noche hasta las seis de la mañana. El proyecto se puso en marcha a petición de los estudiantes.", "es"},
		{"pt paragraph", "Na sexta-feira à noite, uma biblioteca abriu pela primeira vez as suas portas em Novosibirsk, recebendo os leitores das nove da noite às seis da manhã. O projeto foi lançado a pedido dos estudantes e de quem trabalha por turnos.", "pt"},
		{"it paragraph", "Venerdì sera a Novosibirsk ha aperto per la prima volta una biblioteca che accoglie i lettori dalle nove di sera alle sei del mattino. Il progetto è nato su richiesta degli studenti e di chi lavora a turni.", "it"},
		{"nl paragraph", "Vrijdagavond opende in Novosibirsk voor het eerst een bibliotheek die lezers ontvangt van negen uur 's avonds tot zes uur 's ochtends. Het project werd gestart op verzoek van studenten en mensen die in ploegendienst werken.", "nl"},
		{"pl paragraph", "W piątek wieczorem w Nowosybirsku po raz pierwszy otworzyła swoje drzwi biblioteka, która przyjmuje czytelników od dziewiątej wieczorem do szóstej rano. Projekt uruchomiono na prośbę studentów.", "pl"},
		{"uk paragraph", "У п'ятницю ввечері в Новосибірську вперше відчинила двері бібліотека, яка приймає читачів з дев'ятої вечора до шостої ранку. Проєкт запустили на прохання студентів і людей, які працюють позмінно.", "uk"},
		{"bg paragraph", "В петък вечерта в Новосибирск за първи път отвори врати библиотека, която приема читатели от девет вечерта до шест сутринта. Проектът беше стартиран по молба на студентите.", "bg"},
		{"sr paragraph", "У петак увече у Новосибирску је први пут отворена библиотека која прима читаоце од девет увече до шест ујутру. Пројекат је покренут на захтев студената.", "sr"},
		{"tr paragraph", "Cuma akşamı Novosibirsk'te okuyucuları akşam dokuzdan sabah altıya kadar kabul eden bir kütüphane ilk kez kapılarını açtı. Proje, öğrencilerin ve vardiyalı çalışan insanların isteği üzerine başlatıldı.", "tr"},
		{"el paragraph", "Την Παρασκευή το βράδυ άνοιξε για πρώτη φορά στο Νοβοσιμπίρσκ μια βιβλιοθήκη που δέχεται αναγνώστες από τις εννέα το βράδυ έως τις έξι το πρωί.", "el"},
		{"zh paragraph", "星期五晚上，新西伯利亚第一家夜间图书馆开门迎客，从晚上九点开放到早上六点。", "zh"},
		{"ja paragraph", "金曜日の夜、ノヴォシビルスクで初めて夜間図書館が開館し、午後九時から午前六時まで読者を受け入れている。", "ja"},
		{"ko paragraph", "금요일 밤 노보시비르스크에서 처음으로 야간 도서관이 문을 열었다.", "ko"},
		{"he paragraph", "ביום שישי בערב נפתחה לראשונה בנובוסיבירסק ספרייה המקבלת קוראים מתשע בערב ועד שש בבוקר.", "he"},
		{"ar paragraph", "افتتحت مساء الجمعة في نوفوسيبيرسك لأول مرة مكتبة تستقبل القراء من التاسعة مساء حتى السادسة صباحا.", "ar"},

		// Short titles.
		{"en title", "Outcomes of the CSTO Summit in Bishkek Through the Lens of the Looming Great War", "en"},
		{"en two words", "Night Library", "en"},
		{"en title with loanword", "Café society in Lisbon", "en"},
		{"en caps title", "Why Naive Exporters Break", "en"},
		{"ru title", "В Новосибирске открылась первая городская библиотека, работающая по ночам", "ru"},
		{"ru heading", "Что дальше", "ru"},
		{"ru heading 2", "Как устроена ночная смена", "ru"},
		{"ru one word", "Новости", "ru"},
		{"uk one word", "Київ", "uk"},
		{"de title", "Der Untergang des Abendlandes", "de"},
		{"de umlaut", "Nachtbibliothek eröffnet", "de"},
		{"fr title", "La nuit des bibliothèques", "fr"},
		{"es title", "Cien años de soledad", "es"},
		{"it title", "Ciao a tutti", "it"},
		{"nl title", "Een nieuwe bibliotheek", "nl"},

		// Titles and excerpts of the web corpus (testdata/corpus/web).
		{"bbc title", "Obama admits US gun laws are his 'biggest frustration'", "en"},
		{"heise title", "1Password für Mac generiert Einmal-Passwörter", "de"},
		{"heise excerpt", "Das in der iOS-Version bereits enthaltene TOTP-Feature ist nun auch für OS X 10.10 verfügbar.", "de"},
		{"la nacion title", "Una solución no violenta para la cuestión mapuche", "es"},
		{"la nacion excerpt", "Los pueblos indígenas reclaman por derechos que permanecen incumplidos, por eso es más eficiente canalizar la protesta que reprimirla", "es"},
		{"lemonde title", "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée", "fr"},
		{"lemonde excerpt", "Largement approuvé par les députés, le texte sera désormais examiné par le Sénat, puis le Conseil constitutionnel.", "fr"},
		{"medium title", "The Open Journalism Project: Better Student Journalism", "en"},
		{"lwn title", "LWN.net Weekly Edition for March 26, 2015 [LWN.net]", "en"},

		// Mixed scripts: the dominant script's language wins.
		{"en with ru name", "Наталья Маркова Politics. At the CSTO summit held in Bishkek, Russian President Vladimir Putin announced the motto.", "en"},
		{"en short with ru name", "An interview with Наталья Маркова", "en"},
		{"ru with en brand", "Компания Apple представила новый iPhone на презентации в Купертино.", "ru"},

		// Nothing to go on.
		{"empty", "", ""},
		{"digits", "2025-05-03 12:30 100%", ""},
		{"punctuation", "— … !!! ???", ""},
		{"ambiguous romance", "Noche en la biblioteca", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.text); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestDetectCorpus detects the language of the corpus articles' text.
func TestDetectCorpus(t *testing.T) {
	tests := []struct{ file, want string }{
		{"../../testdata/corpus/csto-summit-bishkek.txt", "en"},
		{"../../testdata/corpus/night-library.txt", "ru"},
		{"../../testdata/corpus/reading-offline.md", "en"},
		{"../../testdata/corpus/edge/injection.txt", "en"},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(string(data)); got != tt.want {
			t.Errorf("%s: Detect = %q, want %q", tt.file, got, tt.want)
		}
	}
}

// TestDetectDeterministic runs texts whose trigram verdict is close many
// times: the answer must never change.
func TestDetectDeterministic(t *testing.T) {
	for _, s := range []string{"Noche en la biblioteca", "Le Monde", "Guten Morgen", "Добрий день", "Biblioteka nocna", "a b c"} {
		first := Detect(s)
		for i := 0; i < 50; i++ {
			if got := Detect(s); got != first {
				t.Fatalf("Detect(%q) gave %q, then %q", s, first, got)
			}
		}
	}
}

func TestTagOf(t *testing.T) {
	for code, want := range map[string]string{
		"eng": "en", "rus": "ru", "deu": "de", "cmn": "zh", "arb": "ar", "pes": "fa", "azj": "az",
		"nob": "nb", "ydd": "yi", "ceb": "ceb", "ukr": "uk", "": "", "zzzz1": "",
	} {
		if got := tagOf(code); got != want {
			t.Errorf("tagOf(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestDetectLongText(t *testing.T) {
	long := strings.Repeat("The quick brown fox jumps over the lazy dog. ", 20000)
	if got := Detect(long); got != "en" {
		t.Errorf("Detect(long English) = %q", got)
	}
	word := strings.Repeat("x", 100000) + " и это всё, что он сказал"
	if got := Detect(word); got != "ru" {
		t.Errorf("Detect(long word + Russian) = %q", got)
	}
}

func BenchmarkDetect(b *testing.B) {
	data, err := os.ReadFile("../../testdata/corpus/csto-summit-bishkek.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.ReportAllocs()
	for b.Loop() {
		Detect(text)
	}
}

// FuzzDetect checks that Detect never panics, is deterministic and returns
// "" or a well-formed primary language tag.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "Night Library", "Что дальше", "Noche en la biblioteca", "金曜日の夜", "ab\xffcd"} {
		f.Add(s)
	}
	for _, name := range []string{"night-library.txt", "edge/injection.txt", "river-tram-cp1251.html"} {
		data, err := os.ReadFile("../../testdata/corpus/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, s string) {
		tag := Detect(s)
		if tag != Detect(s) {
			t.Fatal("not deterministic")
		}
		if tag == "" {
			return
		}
		if len(tag) < 2 || len(tag) > 3 || strings.ToLower(tag) != tag || strings.Trim(tag, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Fatalf("Detect(%q) = %q, not a primary language tag", s, tag)
		}
	})
}
