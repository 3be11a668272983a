package lang

import "strings"

// A profile is what lang knows of one language beyond the trigram model:
// its commonest function words, which settle short texts. Words shared by
// several profiles count for each in proportion (see wordWeights).
type profile struct {
	tag   string
	words string // space-separated, lower case
}

// latinProfiles are the Latin-script languages judged by their function
// words. Their order breaks exact ties (English first: an English title
// with no other evidence is the likeliest reading).
var latinProfiles = []profile{
	{"en", "the of and to in that for it with as was is on at by from this are be have has had not but or which will an their they were been would its his her we you what how why who there can more about after into than also said she he our out up when one all new over could should may"},
	{"de", "der die das und ist nicht ein eine einen einem einer zu den von mit sich des auf für im dem auch werden aus hat dass daß sie nach wird bei sind noch wie über zum haben nur oder aber vor zur bis mehr durch sein wurde kann gegen vom schon wenn seine ihre dann unter wir ich diese dieser wieder keine zwischen ihr ihren jetzt heute sehr"},
	{"fr", "le la les de des du et est un une en que qui dans pour pas sur au aux avec ce cette il elle ils elles sont par plus ne se son sa ses mais ou été être lui nous vous leur leurs comme tout aussi même où après entre sans déjà très l d qu n c j s y a fait dont cet"},
	{"es", "el la los las de del y que en un una es por con para se no lo al como más pero sus su le ya este esta ha son entre cuando muy sin sobre también hasta hay donde desde todo nos durante todos les ni contra otros ese eso ante ellos esto antes algunos unos otro otra él fue era año años están está según porque"},
	{"pt", "o a os as de do da dos das e que em um uma é para com não no na nos nas por mais se como mas foi ao ele ela seu sua ou ser quando muito há já está também pelo pela até isso entre era depois sem mesmo aos ter seus suas nem essa esse são foram então onde você ainda à às uma"},
	{"it", "il lo la i gli le di del della dei delle degli e è che in un una per con non si da al alla nel nella ma come più sono anche questo questa ha ci ne se dal dalla sul sulla tra fra essere stato stata molto dopo quando loro suo sua perché già tutto tutti ancora"},
	{"nl", "de het een en van is dat op te in voor met zijn niet aan er maar om ook als bij door naar dan nog wordt uit worden over tot kan heeft wel geen hij ze was deze dit die werd meer zij hebben"},
}

// cyrillicProfiles are the Cyrillic-script languages judged by their
// function words. Russian comes first: it is the likeliest reading of a
// Cyrillic text with no other evidence.
var cyrillicProfiles = []profile{
	{"ru", "и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ли если уже или ни быть был него до вас там потом себя ничего ей может они тут где есть надо для мы тебя их чем была сам без чего тоже себе под будет тогда кто этот того потому этого какой здесь этом один почти тем чтобы сейчас были всех можно при об после над больше тот через эти нас про всего них много эту этой перед такой им более всегда между это также который которые которая которых года году"},
	{"uk", "і й в у на з не що та до це як для від за по але так його він вона вони ми ви які який яка також було був була були буде може тому щоб коли якщо вже ще їх її між через після під над про або чи цей ця ці році року має мають є"},
	{"bg", "и в на с за не да от се по че е са ще как това този тази които който която което със към след при или но му им те той тя ние вие беше бяха има няма също още само много"},
	{"be", "і ў у на з не што да як гэта для ад за па але так яго ён яна яны мы вы якія які таксама было быў была былі будзе можа таму калі ўжо яшчэ іх яе паміж пасля пра або ці"},
	{"sr", "и у на је да се за од са не су као из то што по а ће али или био била било који која које када још све број године"},
	{"mk", "и во на е да се за од со не се како од што по а ќе но или беше бил била било кој која кое кога уште сите година"},
}

// wordWeights maps each function word to the profiles that list it and the
// weight it lends each: 1 for a word of one profile, 1/n for a word shared
// by n.
type wordWeights map[string][]weight

type weight struct {
	profile int
	w       float64
}

func buildWeights(ps []profile) wordWeights {
	owners := make(map[string][]int)
	for i, p := range ps {
		for _, w := range strings.Fields(p.words) {
			o := owners[w]
			if len(o) > 0 && o[len(o)-1] == i {
				continue // listed twice in one profile
			}
			owners[w] = append(o, i)
		}
	}
	ww := make(wordWeights, len(owners))
	for w, o := range owners {
		for _, i := range o {
			ww[w] = append(ww[w], weight{i, 1 / float64(len(o))})
		}
	}
	return ww
}

var (
	latinWeights    = buildWeights(latinProfiles)
	cyrillicWeights = buildWeights(cyrillicProfiles)
)

// score adds up the function-word evidence of words for each profile.
func (ww wordWeights) score(words []string, n int) []float64 {
	s := make([]float64, n)
	for _, w := range words {
		for _, x := range ww[w] {
			s[x.profile] += x.w
		}
	}
	return s
}
