package txt

import (
	"errors"
	"strings"
	"testing"

	"github.com/offprint/offprint/article"
)

func TestIsShareLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"VK X OK WhatsApp Telegram", true},
		{"Share this article: Facebook X Reddit", true},
		{"Share on Twitter", true},
		{"Share via Email", true},
		{"Поделиться: ВКонтакте Одноклассники", true},
		{"Поделиться в Telegram", true},
		{"Facebook Twitter LinkedIn Email Print", true},
		{"Facebook · Twitter · WhatsApp", true},
		{"Facebook 12 Twitter 3 Email", true},
		{"Tweet", true},
		{"Share", true},
		{"Email", true},
		{"Print", true},
		{"Teilen auf Facebook", true},
		{"Partager sur Facebook", true},
		{"Compartir en WhatsApp", true},
		{"ok.ru mail.ru vk", true},
		{"X", false},                      // weak alone
		{"OK", false},                     // weak alone
		{"Copy link", false},              // page furniture, dropped by isJunkLine
		{"Facebook", false},               // a network alone: see TestShareColumn
		{"Twitter said on Monday", false}, // text about a network
		{"Telegram channels grew fast in 2024.", false},
		{"WhatsApp and Telegram are messengers", false},
		{"", false},
	}
	for _, tt := range tests {
		got := isShareLine(tt.line) && !isNetworkName(tt.line)
		if got != tt.want {
			t.Errorf("share row %q = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestClassifyTrailer(t *testing.T) {
	tests := []struct {
		line string
		want trailerKind
	}{
		{"Read also:", teaserHead},
		{"Read more", teaserHead},
		{"Read more…", teaserHead},
		{"See also", teaserHead},
		{"More on this topic", teaserHead},
		{"Related articles", teaserHead},
		{"Related", teaserHead},
		{"You may also like", teaserHead},
		{"Most read", teaserHead},
		{"Читайте также:", teaserHead},
		{"Похожие материалы", teaserHead},
		{"Ещё по теме", teaserHead},
		{"Lesen Sie auch:", teaserHead},
		{"À lire aussi", teaserHead},
		{"Comments", otherHead},
		{"Комментарии", otherHead},
		{"Tags:", otherHead},
		{"Подписывайтесь на наш канал в Telegram", otherHead},
		{"Subscribe to our newsletter", otherHead},
		{"Follow us on Twitter", otherHead},
		{"© 2025 Example News", otherHead},
		{"All rights reserved.", otherHead},
		{"Write a comment:", commentPrompt},
		{"Add a comment", commentPrompt},
		{"Leave a comment", commentPrompt},
		{"Comments (12)", commentPrompt},
		{"12 comments", commentPrompt},
		{"Комментарии (5)", commentPrompt},
		{"Комментарии: 5", commentPrompt},
		{"Написать комментарий:", commentPrompt},
		{"Оставить комментарий", commentPrompt},
		{"Read also: another article", notTrailer}, // a teaser line, see TestTeaserLine
		{"Read the full report on the ministry's site.", notTrailer},
		{"Reading is good for you", notTrailer},
		{"Related parties were also questioned by the police.", notTrailer},
		{"Comments from readers poured in after the piece ran, and the editors decided to answer them.", notTrailer},
		{"Популярное направление отдыха", notTrailer},
	}
	for _, tt := range tests {
		if got := classifyTrailer(tt.line); got != tt.want {
			t.Errorf("classifyTrailer(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestTeaserLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Read also: Floods in the north cut off three villages", true},
		{"Читайте также: В Новосибирске открылась ночная библиотека", true},
		{"See also: Another story", true},
		{"Read also:", false},
		{"Read also: the report, published in March, which notes that the river rose. It also says the dam held. More was to come.", false},
		{"Note: the figures are preliminary.", false},
	}
	for _, tt := range tests {
		if got := teaserLine(tt.line); got != tt.want {
			t.Errorf("teaserLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

const para1 = "The river rose two metres overnight, and by morning the lower town was under water. Residents who had stayed behind were taken off roofs by boat."
const para2 = "Engineers will inspect the dam on Monday. The inspection will take a week, and the results will be published by the city council."

// TestReadBoilerplate reads whole documents and checks what survives.
func TestReadBoilerplate(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string // the body's blocks, texts
		err  error
	}{
		{"share rows anywhere",
			"Title of the Story\n\nJane Doe Environment\nShare on Twitter\n\n" + para1 + "\nFacebook Twitter LinkedIn Email Print\n\n" + para2 + "\n\nПоделиться: ВКонтакте Одноклассники\n",
			[]string{para1, para2}, nil},
		{"share column", "Title of the Story\n\n" + para1 + "\n\nFacebook\nTwitter\nEmail\n\n" + para2,
			[]string{para1, para2}, nil},
		{"network name as text is kept", "Title of the Story\n\n" + para1 + "\n\nFacebook\n\n" + para2,
			[]string{para1, "Facebook", para2}, nil},
		{"trailer with related headlines and comments",
			"Title of the Story\n\n" + para1 + "\n\n" + para2 + "\n\nRelated articles\nFloods in the north cut off three villages\nDam repairs delayed again\n\nComments (3)\nGreat article!\nI live there and it was terrible, the water came up to the second floor and stayed there for two days.",
			[]string{para1, para2}, nil},
		{"read more then nothing", "Title of the Story\n\n" + para1 + "\n\nRead more\n", []string{para1}, nil},
		{"russian trailer",
			"Заголовок статьи\n\nИван Петров\n\nВ пятницу вечером в Новосибирске впервые открыла двери библиотека.\n\nЧитайте также:\nДругая новость дня\nЕщё одна новость\n\nКомментарии\n\nПодписывайтесь на наш канал в Telegram",
			[]string{"В пятницу вечером в Новосибирске впервые открыла двери библиотека."}, nil},
		{"comment prompt cuts everything after it",
			"Title of the Story\n\n" + para1 + "\n\nWrite a comment:\n\n" + para2,
			[]string{para1}, nil},
		{"teaser box inside the text",
			"Title of the Story\n\n" + para1 + "\n\nRead also:\nFloods in the north cut off three villages\n\n" + para2,
			[]string{para1, para2}, nil},
		{"teaser line inside the text",
			"Title of the Story\n\n" + para1 + "\n\nЧитайте также: Другая новость дня\n\n" + para2,
			[]string{para1, para2}, nil},
		{"paragraph starting with Read is kept",
			"Title of the Story\n\n" + para1 + "\n\nRead the full report on the ministry's website, where it was published on Friday.\n",
			[]string{para1, "Read the full report on the ministry's website, where it was published on Friday."}, nil},
		{"a heading like a trailer head, followed by text, is kept",
			"Title of the Story\n\n" + para1 + "\n\nRelated\n\n" + para2,
			[]string{para1, "Related", para2}, nil},
		{"advertisement markers", "Title of the Story\n\n" + para1 + "\n\nAdvertisement\n\n" + para2 + "\n\nРеклама\n",
			[]string{para1, para2}, nil},
		{"title like a trailer head", "Comments\n\n" + para1, []string{para1}, nil},
		{"boilerplate only", "VK X OK WhatsApp Telegram\n\nRead also:\n\nWrite a comment:\n", nil, ErrBoilerplate},
		{"share rows only", "Share on Facebook\nTweet\n", nil, ErrBoilerplate},
		{"title and trailer", "Title of the Story\n\nRead also:\nAnother story\n\nComments (0)", nil, ErrNoBody},
		{"title and byline", "Title of the Story\n\nJane Doe Environment\n", nil, ErrNoBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read([]byte(tt.doc))
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if err := a.Validate(); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range a.Blocks {
				got = append(got, article.BlockText(b))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("body:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}
