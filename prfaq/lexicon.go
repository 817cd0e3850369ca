package prfaq

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The words the reader looks for, in the languages it knows (English,
// German, Japanese, Korean, and for the commonest words Spanish, French,
// Portuguese, Russian and Chinese). Each list is lower-case. A Latin entry matches
// at the start of a word and may run on ("struggl" matches "struggles");
// an entry that ends with a space must end the word there. CJK entries
// match anywhere, as those scripts do not separate words.
//
// These lists are the reader's model of how people write a press release,
// not one document's wording: README.md ("How it is read") says what each
// part is recognised by.

// partNames are the words a heading or a bold run-in label uses for a
// part. A heading names a part when, once numbering, "the" and
// punctuation are dropped, it contains one of them. The map is built on
// first use: no package of git-prfaq does work at start
// (docs/performance.md, "Start-up").
var partNames = sync.OnceValue(func() map[Part][]string {
	return map[Part][]string{
		PartSubheading: {"subheading", "sub-heading", "subhead", "subtitle", "sub-headline", "subheadline", "tagline", "untertitel",
			"サブ見出し", "サブタイトル", "タグライン", "キャッチコピー", "부제"},
		PartSummary: {"summary", "overview", "introduction", "intro ", "tl;dr", "abstract", "executive summary",
			"zusammenfassung", "überblick", "einleitung", "概要", "要約", "サマリー", "요약", "개요",
			"resumen", "résumé", "resumo", "sumário", "обзор", "краткое описание", "概述", "摘要"},
		PartProblem: {"problem", "challenge", "pain point", "pains", "customer pain", "trouble", "the opportunity", "why this matters", "herausforderung", "課題", "問題", "문제", "과제",
			"problema", "problème", "проблема", "问题", "痛点"},
		PartSolution: {"solution", "how it works", "the product", "what we built", "our approach", "lösung", "解決", "ソリューション", "해결", "솔루션",
			"solución", "solução", "решение", "解决方案"},
		PartLeaderQuote: {"leader quote", "quote from a leader", "quote from leader", "quote from the ceo", "leadership quote", "leadership", "executive quote", "company quote", "ceo quote", "founder quote",
			"spokesperson", "zitat der geschäftsführung", "リーダーの言葉", "経営者のコメント", "리더 인용"},
		PartCustomerQuote: {"customer quote", "quote from a customer", "quote from customer", "testimonial", "testimonies", "what customers say", "user quote", "customer voice",
			"kundenzitat", "kundenstimme", "お客様の声", "顧客の声", "顧客コメント", "お客様コメント", "利用者の声", "ユーザーの声",
			"고객 인용", "고객 후기", "고객의 목소리",
			"testimonio", "témoignage", "depoimento", "отзыв", "客户评价", "用户评价"},
		PartGettingStarted: {"getting started", "get started", "how to start", "quick start", "quickstart", "installation", "install", "setup", "set up",
			"try it", "erste schritte", "loslegen", "始め方", "はじめ方", "導入方法", "インストール", "시작하기", "설치",
			"cómo empezar", "primeros pasos", "comment commencer", "démarrage", "como começar", "primeiros passos", "как начать", "начало работы", "快速开始", "如何开始", "入门"},
		PartCallToAction: {"call to action", "cta ", "availability", "pricing and availability", "next steps", "learn more", "where to get it",
			"verfügbarkeit", "handlungsaufforderung", "提供開始", "提供について", "今すぐ", "이용 방법", "출시 정보",
			"disponibilidad", "disponibilité", "disponibilidade", "llamada a la acción", "appel à l'action", "chamada para ação", "доступность", "призыв к действию", "立即体验"},
		PartMetrics: {"success metric", "metrics", "kpi", "success criteria", "measures of success", "success measure", "how we measure", "how we will measure",
			"how we ll measure", "measuring success", "measure success", "definition of success", "defining success", "success looks like", "erfolgskennzahl", "kennzahlen", "erfolgskriterien", "成功指標", "成功の定義", "成功基準", "評価指標",
			"성공 지표", "성공 기준", "핵심 지표",
			"métricas", "métriques", "indicadores", "indicateurs", "метрики", "показатели успеха", "成功指标", "指标"},
	}
})

// asideHeadings head what a document says about the product's own limits,
// not the customer's problem.
var asideHeadings = []string{"limitation", "known issue", "non-goal", "risk", "out of scope", "caveat", "mitigation", "tenet",
	"appendix", "einschränkung", "risiken", "制限", "制約", "リスク", "제한", "리스크"}

// quoteWords name a section of quotes without saying whose they are:
// each quote in it is then attributed by what follows it.
var quoteWords = []string{"quote", "zitat", "引用", "コメント", "인용",
	"cita", "citation", "citação", "цитата", "引言", "引用"}

// faqNames make a heading a FAQ section (or, inside one, a sub-section);
// "questions" alone does not ("Open Questions" are unanswered on purpose).
var faqNames = []string{"faq", "frequently asked", "questions and answers", "q&a", "häufige fragen", "häufig gestellte fragen",
	"fragen und antworten", "よくある質問", "よくあるご質問", "質問と回答", "자주 묻는 질문", "질문과 답변",
	"preguntas frecuentes", "foire aux questions", "questions fréquentes", "perguntas frequentes", "часто задаваемые вопросы", "вопросы и ответы", "常见问题"}

// internalFAQWords and externalFAQWords say whom a FAQ section answers.
// "technical" means internal only in a heading that names a FAQ
// ("Technical FAQ"), not in a topic group ("Technical Questions").
var (
	internalFAQWords = []string{"internal", "stakeholder", "business", "team ", "company", "intern ", "interne", "社内", "内部", "関係者", "내부", "이해관계자",
		"interno ", "interna ", "internas", "internos", "внутрен", "内部问题"}
	technicalWords   = []string{"technical", "engineering", "technisch", "技術", "기술"}
	externalFAQWords = []string{"external", "customer", "public", "user", "client", "adopter", "partner", "extern", "kunden",
		"顧客", "お客様", "外部", "ユーザー", "고객", "외부", "사용자",
		"cliente", "externo", "externe", "клиент", "внешн", "客户", "用户"}
	questionWords = []string{"questions", "fragen", "質問", "질문",
		"preguntas", "perguntas", "вопросы", "问题"}
)

// pressReleaseLabels mark where the press release starts ("## Press
// Release", "FOR IMMEDIATE RELEASE"); the headline comes after them.
var pressReleaseLabels = []string{"press release", "for immediate release", "pressemitteilung", "presseinformation",
	"プレスリリース", "報道発表", "보도자료", "보도 자료",
	"comunicado de prensa", "nota de prensa", "communiqué de presse", "comunicado de imprensa", "пресс-релиз", "新闻稿"}

// headlineLabels name the heading a headline is written under, in a
// document that gives every part a heading ("## Headline").
var headlineLabels = []string{"headline ", "title ", "überschrift", "schlagzeile", "タイトル", "見出し", "헤드라인", "제목",
	"titular", "titre", "título", "заголовок", "标题"}

// stakeholderQuestions are what only the team behind a product asks: in
// one FAQ for everyone they are its internal FAQ.
var stakeholderQuestions = []string{"why now", "biggest risk", "top risk", "key risk", "main risk", "the risks", "what could go wrong",
	"who will own", "owning team", "who maintains", "staff", "headcount", "cost to build",
	"cost us", "invest", "build vs", "build or buy", "buy vs", "dependenc", "definition of done", "measure success",
	"success metric", "kpi", "roi", "business model", "revenue", "why build", "why are we", "why should we", "out of scope",
	"deliberately", "go/no-go", "trade-off", "tradeoff", "maintain it", "who will maintain", "support it", "competitor",
	"warum jetzt", "risiko", "risiken", "リスク", "収益", "なぜ今", "体制", "판매", "리스크", "위험", "수익", "왜 지금",
	"riesgo", "risque", "risco", "риск", "风险", "por qué ahora", "pourquoi maintenant", "por que agora", "почему сейчас", "为什么现在"}

// titleMarkers make a line the document's title ("PRFAQ: X", "X PR/FAQ",
// "Press Release and FAQ"), never its headline.
var titleMarkers = []string{"prfaq", "pr/faq", "pr-faq", "pr / faq", "pr faq", "press release and faq", "press release / faq",
	"press release & faq", "press release/faq", "working backwards"}

// announceVerbs are the verbs of an announcement itself.
var announceVerbs = []string{"launch", "announc", "introduc", "unveil", "releas", "debut", "ships ", "brings", "adds ", "delivers",
	"startet", "veröffentlicht", "präsentiert", "kündigt", "発表", "開始", "リリース", "発売", "출시", "발표"}

// announceWords make a line an announcement rather than a product name.
var announceWords = []string{"launch", "announc", "introduc", "unveil", "release", "debut", "ships ", "ship ", "brings", "bring ",
	"adds ", "add ", "delivers", "makes", "helps", "lets ", "enables", "transforms", "gives", "offers", "expands", "opens",
	"now ", "today", "new ", "meet ", "say goodbye", "no more", "goes ", "becomes", "cuts ", "reduces", "speeds", "simplifies",
	"automates", "turns ", "puts ", "takes ", "gets ", "powers ", "joins ", "arrives", "doubles", "halves", "slashes", "accelerates",
	"improves", "eliminates", "ends ", "frees ", "saves ", "comes ", "is here", "are here", "allows", "connects", "keeps ", "finds ",
	"closes ", "answers ", "removes ", "replaces ", "unlocks", "empowers", "streamlines",
	"startet", "bringt", "stellt", "führt", "veröffentlicht", "präsentiert", "kündigt", "ermöglicht", "jetzt", "neu ",
	"発表", "開始", "提供", "リリース", "発売", "登場", "公開", "출시", "발표", "공개", "선보", "시작",
	"lanza", "anuncia", "presenta", "lance ", "annonce", "présente", "lança", "apresenta", "запуска", "представля", "объявля", "发布", "推出"}

// Narrative cues: what a paragraph of a press release written as prose
// says when it is one part or another.
var (
	// problemStrong alone makes a paragraph state the customer's problem;
	// problemWeak needs a second cue in the same paragraph.
	problemStrong = []string{"problem", "struggl", "pain point", "painful", "frustrat", "previously", "until now", "until today",
		"headache", "plagued", "the challenge", "challenges", "trade-off", "is hard", "are hard", "hard to", "difficult",
		"tedious", "error-prone", "wasted", "waste ", "wastes", "stuck ", "time-consuming", "bottleneck", "friction", "inefficien",
		"spend hours", "spend days", "spend weeks", "spends hours", "spent hours", "cumbersome", "complicated", "confusing",
		"most people", "most teams", "most organizations", "most organisations", "most companies", "most users", "most developers",
		"most customers", "most businesses", "have no idea", "no idea", "existing tools", "existing solutions", "existing system",
		"tools that exist", "status quo", "the cons ", "shortcoming", "limitation", "lack of", "traditionally", "current practice",
		"gap between", "growing gap", "addresses a", "solves the",
		"schwierig", "mühsam", "frustrierend", "ärgerlich", "zeitaufwendig", "zeitraubend",
		"課題", "問題", "悩み", "困って", "苦労", "負担", "手間が", "膨大な時間", "문제", "어려움", "불편", "고충", "번거",
		"problema", "problème", "difícil", "difficile", "проблем", "сложно", "трудно", "痛点", "困难"}
	problemWeak = []string{"manual", "hard ", "slow", "costly", "expensive", "lack", "no easy way", "no way to", "have to", "has to", "forced to",
		"can't", "cannot", "fall short", "falls short", "hostage", "lock-in", "locked in", "scattered", "bury", "faced", "risk",
		"currently", "today, ", "must ", "there is no", "there's no", "complex", "fragment", "silo", "gap", "miss ", "lose ", "loses ", "burden",
		"by hand", "mistake", "errors", "delay", "spend ", "spends ", "spent ", "rely on", "relies on", "forget", "not giving",
		"don't know", "do not know", "not understand", "never ", "vulnerab", "today's", "unreliable", "insecure", "fail ", "fails",
		"failure", "drift",
		"umständlich", "manuell", "teuer", "langsam", "fehlt", "bisher", "時間がかか", "不足", "非効率", "수작업", "비효율", "부족",
		"manualmente", "manuellement", "lento", "lent ", "caro ", "cher ", "вручную", "долго", "дорого", "手动"}
	// solutionCues mark a paragraph that describes what the product does.
	solutionCues = []string{"with ", "provides", "lets ", "enables", "allows", "helps", "gives", "closes the gap", "solves", "now can", "can now",
		"bietet", "ermöglicht", "löst", "mit ", "提供", "解決", "できます", "可能", "제공", "해결", "가능"}
	// summaryCues mark a paragraph that announces the product, so that a
	// first paragraph with them is the summary even when it also states
	// the problem.
	summaryCues = []string{"announc", "launch", "introduc", "unveil", "releas", "available", "is a ", "is an ", "provides", "lets ",
		"this tool", "the tool", "this service", "the service", "this platform", "the platform", "this app", "the app", "removes",
		"replaces", "eliminates", "automates", "helps", "makes it",
		"enables", "can now", "now can", "stellt", "bietet", "vorgestellt", "発表", "公開", "提供", "출시", "발표", "공개", "제공",
		"lanza", "anuncia", "lance ", "annonce", "lança", "anuncia", "запуска", "представля", "发布", "推出"}
	// nowCues say the product is here now ("can now", "ab sofort"): such a
	// paragraph describes the solution, not the problem.
	nowCues = []string{"can now", "now can", "now lets", "ab sofort", "können jetzt", "jetzt können", "今では", "できるようになり", "이제"}
	// describeCues mark a paragraph that describes what a product does.
	describeCues = []string{"unlike ", "makes ", "lets ", "provides", "enables", "allows", "this tool", "this platform", "this app",
		"this service", "this workbench", "this product", "this solution", "this library", "bietet", "ermöglicht"}
	// backReferences open a paragraph that goes on about the product.
	backReferences = []string{"it ", "its ", "this ", "they ", "these ", "sie ", "es ", "er "}
	// quoteVerbs attribute a quotation to its speaker.
	quoteVerbs = []string{"said", "says", "added", "adds", "according to", "explained", "explains", "commented", "noted", "notes", "shared",
		"sagt", "sagte", "erklärt", "ergänzt", "betont", "述べ", "語", "コメント", "話し", "말했", "밝혔", "전했", "설명했",
		"dijo", "afirma", "afirmó", "declaró", "explicó", "a déclaré", "déclare", "explique", "affirme", "disse", "afirmou", "explicou", "сказал", "говорит", "отметил", "заявил", "表示", "说"}
	// gettingStartedCues say how a customer starts (steps, or how quickly
	// they are set up); "to get started, visit URL" is a call to action.
	gettingStartedCues = []string{"install", "sign up", "get started with", "signup", "download it", "download the app", "download from", "getting started", "git clone", "clone the", "get started by", "to get started, run",
		"to get started, install", "to get started, download", "to get started, sign", "first step", "step 1", "quick start",
		"start by", "begin by", "to begin, ", "onboarding", "step-by-step",
		"installier", "einrichten", "registrieren", "erste schritte", "clone ",
		"インストール", "セットアップ", "導入手順", "始め方", "利用開始", "始めるには", "使い方", "どう使うか", "登録",
		"설치", "가입", "시작하려면", "사용법",
		"instalar", "installer", "instale", "установ", "安装", "regístrate", "inscrivez", "cadastre"}
	// startVerbs and quickPhrases together mean "set up in minutes".
	startVerbs = []string{"set up", "setup", "setting up", "sets up", "get started", "getting started", "up and running", "onboard",
		"sign up", "your first", "their first", "a first", "connect your", "connect their", "upload", "paste",
		"einricht", "starten", "導入", "デプロイ", "設定", "オンボーディング", "구축", "배포", "설정", "온보딩", "가입"}
	quickPhrases = []string{"in minutes", "in seconds", "minutes", "in one step", "in a single step", "one command", "single command", "less than",
		"within", "simply", "one click", "a few clicks", "two steps", "three steps", "분 이내", "分以内", "in wenigen minuten", "minuten", "数分", "分で", "몇 분", "분 만에"}
	// negations before a cue cancel it ("nothing to install").
	negations = []string{"nothing to", "no need to", "without", "never", "no ", "not ", "don't", "doesn't", "kein", "ohne", "nicht"}
	// availableCues say where the product is available, anywhere in the
	// release ("available today", "is on npm"); the pointers below count
	// only near its end.
	availableCues = []string{"available now", "now available", "available today", "available immediately", "generally available",
		"available starting", "starting today", "available through", "currently available", "early access", "available for download",
		"is on npm", "on pypi", "on crates.io", "on the app store", "in the app store", "on google play", "order now",
		"ab sofort erhältlich", "ab sofort verfügbar", "jetzt verfügbar", "提供を開始", "今すぐ", "지금 바로", "이용 가능"}
	// callToActionCues point the reader somewhere or say it is available.
	callToActionCues = []string{"http://", "https://", "www.", "github.com/", "gitlab.com/", "visit", "learn more", "more information", "find out more", "sign up at",
		"available now", "now available", "available today", "available immediately", "generally available", "is available", "are available",
		"available at", "available from", "available via", "available through", "currently available", "available in", "early access", "available for download", "is open source", "is open-source", "released under",
		"licensed under", "is distributed", "are distributed", "try it", "download it", "get it at", "order now", "contact us",
		"verfügbar", "zur verfügung", "erreichbar", "erhältlich", "besuchen sie", "mehr erfahren", "mehr informationen", "ab sofort",
		"公開され", "公開し", "提供を開始", "利用可能", "ご利用いただけ", "詳しくは", "詳細は", "ご覧ください", "이용 가능", "방문", "자세한 내용",
		"공개되", "공개돼", "공개했",
		"disponible", "disponível", "доступ", "visite", "visita", "visitez", "en savoir plus", "más información", "saiba mais", "подробнее", "访问", "了解更多"}
)

// Attribution words: who is speaking in a quote.
var (
	leaderRoles = []string{"ceo", "cto", "cpo", "coo", "cfo", "founder", "co-founder", "president", "vp ", "vice president", "head of",
		"director", "general manager", "gm ", "chief", "leader", "principal", "the author", "author", "product team", "spokesperson",
		"owner", "executive", "geschäftsführer", "vorstand", "leiter", "gründer", "責任者", "代表", "社長", "部長", "本部長", "リーダー",
		"대표", "책임자", "리더", "이사", "본부장"}
	customerRoles = []string{"customer", "user", "client", "engineer", "developer", "analyst", "scientist", "administrator", "admin", "designer",
		"manager at", "lead at", "from ", "of a ", "at a ", "mid-size", "startup", "kunde", "nutzer", "anwender",
		"お客様", "顧客", "利用者", "担当者", "会社", "企業", "고객", "사용자", "담당자", "회사", "기업"}
)

// Stop words tell which language a text is in, so that the reader knows
// whether it can read narrative parts at all.
var (
	spanishStop    = []string{"el", "la", "de", "que", "y", "en", "los", "las", "del", "se", "por", "un", "una", "para", "con", "es", "su", "al", "lo", "como", "más"}
	frenchStop     = []string{"le", "la", "les", "de", "des", "du", "et", "en", "un", "une", "est", "pour", "que", "qui", "dans", "sur", "avec", "au", "aux", "ne", "pas"}
	portugueseStop = []string{"o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "em", "um", "uma", "para", "com", "que", "não", "no", "na", "por", "é"}
	englishStop    = []string{"the", "and", "to", "of", "a", "is", "for", "with", "that", "in", "it", "you", "your", "on", "are", "this", "as", "by", "be", "can", "we", "our"}
	germanStop     = []string{"der", "die", "das", "und", "ist", "mit", "für", "nicht", "sie", "ein", "eine", "zu", "auf", "den", "dem", "des", "von", "wird", "werden", "auch", "sich", "ihre", "ihr"}
)

// hasCue reports whether lower (lower-cased text) contains one of cues,
// each at the start of a word (Latin) or anywhere (CJK).
func hasCue(lower string, cues []string) bool {
	return firstCue(lower, cues) >= 0
}

// firstCue is the offset of the earliest cue in lower, or -1.
func firstCue(lower string, cues []string) int {
	best := -1
	for _, c := range cues {
		if i := cueIndex(lower, c); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// cueIndex finds cue in s at a word start (for Latin cues); a cue ending in
// a space also matches at the end of s or before punctuation.
func cueIndex(s, cue string) int {
	trimmed := strings.TrimRight(cue, " ")
	whole := len(trimmed) < len(cue)
	for off := 0; off <= len(s)-len(trimmed); {
		i := strings.Index(s[off:], trimmed)
		if i < 0 {
			return -1
		}
		i += off
		if wordStart(s, i, trimmed) && (!whole || wordEnd(s, i+len(trimmed))) {
			return i
		}
		off = i + 1
	}
	return -1
}

func wordStart(s string, i int, cue string) bool {
	first, _ := utf8.DecodeRuneInString(cue)
	if !isLatin(first) || i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(prev) && !unicode.IsDigit(prev)
}

func wordEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func isLatin(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// countCues counts the distinct cues present in lower.
func countCues(lower string, cues []string) int {
	n := 0
	for _, c := range cues {
		if cueIndex(lower, c) >= 0 {
			n++
		}
	}
	return n
}
